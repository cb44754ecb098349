package dev.portcullis.web.device;

import static dev.portcullis.web.device.PageShell.escape;

import dev.portcullis.host.DeviceStatus;
import dev.portcullis.host.DeviceStatus.PolicyLine;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The My device page: what happened (sign-in blocked or not), why (the failing policies), what to
 * do (their resolution, then Refetch) and how to try again. Plain HTML that works without
 * JavaScript; {@code /assets/my-device.js} turns "Resolve later" into a modal dialog and waits for
 * a refetch's results. Every value is escaped.
 */
final class DevicePage {

    /** How long the page waits for a refetch's results before saying the device has not answered. */
    static final int REFETCH_WAIT_SECONDS = 120;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Comparator<PolicyLine> MOST_URGENT_FIRST = Comparator.comparingInt(DevicePage::urgency);

    private DevicePage() {
    }

    static void notFound(HttpServletResponse response) throws IOException {
        PageShell.write(response, HttpServletResponse.SC_NOT_FOUND, "Link expired or not valid",
                "<h1>This link has expired or is not valid</h1>"
                + "<p>My device links work for a limited time, and each shows only the device it was made for.</p>"
                + "<h2>What to do</h2><ul>"
                + "<li>Sign in to your app again. If your device still needs attention, you will be brought to a new "
                + "My device page.</li><li>Or ask your IT administrator for help.</li></ul>");
    }

    static void crossSite(HttpServletResponse response) throws IOException {
        PageShell.write(response, HttpServletResponse.SC_FORBIDDEN, "Nothing was changed",
                "<h1>Nothing was changed</h1><p>This request did not come from your device's My device page, so it "
                + "was ignored. Open the page again and use its buttons.</p>");
    }

    /**
     * @param done what the last action did: "bypass", "refused", "refetch", "refetched" or null
     * @param confirmingBypass show the Resolve later confirmation open (the page without JavaScript)
     */
    static void render(HttpServletResponse response, String token, DeviceStatus status, String done,
                       boolean confirmingBypass) throws IOException {
        String page = "/device/" + escape(token) + "/policies";
        List<PolicyLine> required = status.actionRequired();
        boolean offerBypass = !required.isEmpty() && status.bypassOffered() && !status.bypassPending();
        StringBuilder html = new StringBuilder(4096);
        html.append("<header class=\"page-head\"><h1><span class=\"eyebrow\">My device</span> <span class=\"device-name\">")
            .append(escape(status.deviceName())).append("</span></h1>");
        if (status.osVersion() != null) {
            html.append("<p class=\"meta\">").append(escape(status.osVersion())).append("</p>");
        }
        html.append("</header>");
        messages(html, status, done);
        if (required.isEmpty()) {
            html.append("<section class=\"notice ok\" aria-labelledby=\"notice-title\"><h2 id=\"notice-title\">This device "
                    + "meets your organisation's requirements</h2><p>You can sign in to company apps. If a sign-in was "
                    + "blocked earlier, go back to your app and sign in again.</p></section>");
        } else {
            blockedNotice(html, status, required, offerBypass);
        }
        policies(html, status, page, offerBypass);
        refetch(html, status, token);
        if (offerBypass) {
            bypassDialog(html, token, required, confirmingBypass);
        }
        PageShell.write(response, HttpServletResponse.SC_OK, "My device: " + status.deviceName(), html.toString());
    }

    private static void messages(StringBuilder html, DeviceStatus status, String done) {
        html.append("<div class=\"messages\" role=\"status\">");
        // A pending bypass matters only while something blocks: a passing device signs in without using it.
        if (status.bypassUsable() && status.blocked()) {
            html.append("<p class=\"message success\"><strong>Resolve later is recorded.</strong> Your next sign-in will be "
                    + "allowed once, even though this device still fails the items below. Go back to your app and sign "
                    + "in again. After that sign-in you will be blocked again until they are fixed.</p>");
        } else if (status.bypassPending() && status.blocked()) {
            // Recorded earlier, but the administrator has since disabled bypass or a failing policy became critical.
            html.append("<p class=\"message warning\"><strong>Your earlier Resolve later cannot be used now.</strong> ")
                .append(escape(status.bypassUnavailableReason())).append("</p>");
        } else if ("refused".equals(done)) {
            html.append("<p class=\"message warning\">Resolve later was not recorded: ")
                .append(escape(status.bypassUnavailableReason() == null ? "please try again." : status.bypassUnavailableReason()))
                .append("</p>");
        }
        if ("refetched".equals(done) && !status.refetchPending()) {
            html.append("<p class=\"message info\"><strong>Fresh results arrived from this device.</strong> ")
                .append(status.blocked() ? "Some items still need action." : "Nothing blocks sign-in now: sign in to your app again.")
                .append("</p>");
        }
        html.append("</div>");
    }

    private static void blockedNotice(StringBuilder html, DeviceStatus status, List<PolicyLine> required, boolean offerBypass) {
        html.append("<section class=\"notice blocked\" aria-labelledby=\"notice-title\">"
                + "<h2 id=\"notice-title\">Sign-in blocked: this device needs attention</h2>"
                + "<p>If you were signing in to a company app, the sign-in was stopped because this device fails ")
            .append(required.size() == 1 ? "a check" : required.size() + " checks")
            .append(" your organisation requires: ").append(names(required)).append(".</p>"
                + "<h3>What to do</h3><ol class=\"steps\">"
                + "<li>Open each item marked <strong>Action required</strong> below and follow its steps.</li>"
                + "<li>Press <strong>Refetch</strong> so this device checks again. This page updates when the results arrive.</li>"
                + "<li>When nothing is marked Action required, go back to your app and sign in again.</li></ol>");
        if (offerBypass) {
            html.append("<p>Can't fix it now? <strong>Resolve later</strong>, under a failing item, lets you sign in once.</p>");
        } else if (!status.bypassUsable()) {
            unavailable(html, status);
        }
        html.append("</section>");
    }

    private static void policies(StringBuilder html, DeviceStatus status, String page, boolean offerBypass) {
        html.append("<section aria-labelledby=\"policies-title\"><h2 id=\"policies-title\">Policies</h2>"
                + "<p>Your organisation checks these on this device. Items marked Action required block sign-in.</p>"
                + "<ul class=\"policies\">");
        for (PolicyLine p : status.policies().stream().sorted(MOST_URGENT_FIRST).toList()) {
            html.append("<li class=\"policy ").append(cssClass(p)).append("\" id=\"policy-").append(p.id()).append("\">")
                .append("<details").append(p.actionRequired() ? " open" : "").append("><summary>")
                .append("<span class=\"policy-name\">").append(escape(p.name())).append("</span> ")
                .append("<span class=\"badge\">").append(label(p)).append("</span></summary><div class=\"policy-body\">");
            if (p.actionRequired() && p.critical()) {
                html.append("<p class=\"critical\"><strong>Critical:</strong> this must be fixed before you can sign in.</p>");
            } else if ("fail".equals(p.response()) && !p.gating()) {
                html.append("<p>This does not block sign-in, but your organisation asks you to fix it.</p>");
            }
            if (p.description() != null && !p.description().isBlank()) {
                html.append("<p class=\"description\">").append(escape(p.description())).append("</p>");
            }
            if ("fail".equals(p.response()) && p.resolution() != null && !p.resolution().isBlank()) {
                html.append("<h3 class=\"fix\">How to fix</h3><p class=\"resolution\">").append(escape(p.resolution())).append("</p>");
            }
            if (p.actionRequired()) {
                if (offerBypass) {
                    html.append("<form method=\"get\" action=\"").append(page).append("#resolve-later\" class=\"resolve-later\">"
                            + "<input type=\"hidden\" name=\"confirm\" value=\"resolve-later\">"
                            + "<button type=\"submit\" class=\"secondary\" data-opens=\"resolve-later\">Resolve later</button> "
                            + "<span>Sign in once now, fix this later.</span></form>");
                } else if (!status.bypassUsable()) {
                    unavailable(html, status);
                }
            }
            html.append("</div></details></li>");
        }
        html.append("</ul></section>");
    }

    private static void refetch(StringBuilder html, DeviceStatus status, String token) {
        String base = "/device/" + escape(token);
        html.append("<section class=\"refetch\" aria-labelledby=\"refetch-title\"><h2 id=\"refetch-title\">Check again</h2>"
                + "<p>Fixed something? Press Refetch: this device runs its checks again and reports back, usually "
                + "within a minute.</p><form method=\"post\" action=\"").append(base).append("/refetch\" class=\"refetch-form\">"
                + "<button type=\"submit\" class=\"primary\">Refetch</button></form>"
                + "<p id=\"refetch-status\" class=\"live\" role=\"status\" data-status-url=\"").append(base)
            .append("/status\" data-done-url=\"").append(base).append("/policies?done=refetched\" data-wait-seconds=\"")
            .append(REFETCH_WAIT_SECONDS).append('"');
        if (status.refetchPending()) {
            html.append(" data-waiting=\"true\">Waiting for this device to report fresh results. Reload this page in a "
                    + "minute to see them.");
        } else {
            html.append('>');
        }
        html.append("</p>");
        if (status.policiesUpdatedAt() != null) {
            html.append("<p class=\"meta\">Last checked <time datetime=\"")
                .append(status.policiesUpdatedAt().truncatedTo(ChronoUnit.SECONDS)).append("\">")
                .append(WHEN.format(status.policiesUpdatedAt())).append("</time>.</p>");
        } else {
            html.append("<p class=\"meta\">This device has not reported its checks yet.</p>");
        }
        html.append("</section>");
    }

    private static void bypassDialog(StringBuilder html, String token, List<PolicyLine> required, boolean open) {
        html.append("<dialog id=\"resolve-later\" aria-labelledby=\"resolve-later-title\" aria-describedby=\"resolve-later-text\"")
            .append(open ? " open" : "").append("><h2 id=\"resolve-later-title\">Resolve later?</h2>"
                + "<div id=\"resolve-later-text\"><p>This lets you sign in <strong>once</strong> while this device still fails: ")
            .append(names(required)).append(".</p><p>Your next sign-in uses it up. After that, sign-in is blocked again "
                + "until the device is fixed, so fix it soon.</p></div>"
                + "<form method=\"post\" action=\"/device/").append(escape(token)).append("/bypass\" class=\"actions\">"
                + "<button type=\"submit\" formmethod=\"dialog\" class=\"secondary\" autofocus>Cancel</button> "
                + "<button type=\"submit\" name=\"confirm\" value=\"yes\" class=\"primary\">Resolve later: allow one sign-in</button>"
                + "</form></dialog>");
    }

    private static void unavailable(StringBuilder html, DeviceStatus status) {
        html.append("<p class=\"unavailable\">Resolve later is not available: ")
            .append(escape(status.bypassUnavailableReason())).append("</p>");
    }

    private static String names(List<PolicyLine> lines) {
        return lines.stream().map(l -> "<strong>" + escape(l.name()) + "</strong>").collect(Collectors.joining(", "));
    }

    private static int urgency(PolicyLine p) {
        if (p.actionRequired()) return 0;
        return switch (p.response()) {
            case "fail" -> 1;
            case "pass" -> 3;
            default -> 2;
        };
    }

    private static String cssClass(PolicyLine p) {
        return p.actionRequired() ? "required" : switch (p.response()) {
            case "pass" -> "pass";
            case "fail" -> "fail";
            default -> "unknown";
        };
    }

    private static String label(PolicyLine p) {
        return p.actionRequired() ? "Action required" : switch (p.response()) {
            case "pass" -> "Passing";
            case "fail" -> "Failing";
            default -> "Not checked yet";
        };
    }
}
