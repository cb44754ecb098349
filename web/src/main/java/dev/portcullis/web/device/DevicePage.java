package dev.portcullis.web.device;

import dev.portcullis.host.DeviceStatus;
import dev.portcullis.web.idp.ErrorPages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/** Plain, accessible HTML for the My device page; every value is escaped. */
final class DevicePage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private DevicePage() {
    }

    static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        write(response, "Device not found", "<h1>Device not found</h1><p>This link is not valid any more. Open "
                + "My device again from your device's menu, or ask your IT administrator for help.</p>");
    }

    static void render(HttpServletResponse response, String token, DeviceStatus status, String done) throws IOException {
        StringBuilder body = new StringBuilder();
        body.append("<h1>My device: ").append(e(status.deviceName())).append("</h1>");
        if (status.blocked()) {
            body.append("<div class=\"notice\" role=\"alert\"><h2>Sign-in to company apps is blocked</h2>"
                    + "<p>This device does not meet your organisation's requirements. Fix the items marked "
                    + "<strong>Action required</strong> below, press <strong>Refetch</strong> to check again, "
                    + "then sign in to your app again.</p></div>");
        } else {
            body.append("<p class=\"ok\">This device meets the requirements for signing in.</p>");
        }
        if ("bypass".equals(done) || status.bypassPending()) {
            body.append("<p class=\"info\" role=\"status\">Resolve later is recorded: your next sign-in will be "
                    + "allowed once. Fix the failing items soon; the sign-in after that will be blocked again.</p>");
        }
        if ("refused".equals(done)) {
            body.append("<p class=\"info\" role=\"status\">That could not be done: ")
                .append(e(status.bypassUnavailableReason() == null ? "please try again." : status.bypassUnavailableReason()))
                .append("</p>");
        }
        if (status.refetchPending()) {
            body.append("<p class=\"info\" role=\"status\">Waiting for your device to report fresh results. "
                    + "Reload this page in a minute.</p>");
        }
        body.append("<h2>Policies</h2><ul class=\"policies\">");
        for (DeviceStatus.PolicyLine p : status.policies()) {
            String state = p.actionRequired() ? "Action required" : switch (p.response()) {
                case "pass" -> "Passing";
                case "fail" -> "Failing";
                default -> "No result yet";
            };
            body.append("<li class=\"").append(p.actionRequired() ? "required" : e(p.response())).append("\">")
                .append("<details").append(p.actionRequired() ? " open" : "").append("><summary><span class=\"name\">")
                .append(e(p.name())).append("</span> <span class=\"state\">").append(state).append("</span></summary>");
            if (p.description() != null && !p.description().isBlank()) {
                body.append("<p>").append(e(p.description())).append("</p>");
            }
            if (!"pass".equals(p.response()) && p.resolution() != null && !p.resolution().isBlank()) {
                body.append("<p><strong>How to fix:</strong> ").append(e(p.resolution())).append("</p>");
            }
            body.append("</details></li>");
        }
        body.append("</ul>");
        String base = "/device/" + e(token);
        body.append("<form method=\"post\" action=\"").append(base).append("/refetch\">"
                + "<button type=\"submit\">Refetch</button> <span>Ask this device to check its policies now.</span></form>");
        if (status.blocked() && !status.bypassPending()) {
            if (status.bypassOffered()) {
                body.append("<form method=\"post\" action=\"").append(base).append("/bypass\">"
                        + "<p>Can't fix it right now? <strong>Resolve later</strong> allows one sign-in with the failing "
                        + "items; after that sign-in is blocked again until they are fixed.</p>"
                        + "<label><input type=\"checkbox\" name=\"confirm\" required> I understand this allows a single "
                        + "sign-in</label> <button type=\"submit\">Resolve later</button></form>");
            } else {
                body.append("<p class=\"info\">Resolve later is not available: ").append(e(status.bypassUnavailableReason()))
                    .append("</p>");
            }
        }
        if (status.policiesUpdatedAt() != null) {
            body.append("<p class=\"small\">Last checked ").append(WHEN.format(status.policiesUpdatedAt())).append(".</p>");
        }
        write(response, "My device", body.toString());
    }

    private static void write(HttpServletResponse response, String title, String body) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + e(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;"
                + "line-height:1.5;color:#1b1b1b}.notice{border-left:4px solid #b00020;padding:.5rem 1rem;background:#fdecee}"
                + ".ok{color:#0a6b2b}.info{background:#eef4fb;padding:.5rem 1rem}.policies{list-style:none;padding:0}"
                + ".policies li{border:1px solid #ddd;margin:.5rem 0;padding:.5rem}.required .state{color:#b00020;"
                + "font-weight:bold}.pass .state{color:#0a6b2b}button{font-size:1rem;padding:.4rem 1rem}"
                + ".small{font-size:.85rem;color:#555}</style></head><body>" + body + "</body></html>");
    }

    private static String e(String s) {
        return ErrorPages.escape(s);
    }
}
