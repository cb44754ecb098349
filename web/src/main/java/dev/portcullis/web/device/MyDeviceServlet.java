package dev.portcullis.web.device;

import dev.portcullis.host.DeviceService;
import dev.portcullis.host.DeviceStatus;
import dev.portcullis.host.DeviceStatusQuery;
import dev.portcullis.host.Host;
import dev.portcullis.problem.Refusal;
import dev.portcullis.settings.OktaConnectionCache;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end user's My device page, reached by device token (no login): where a blocked sign-in
 * lands, what to fix, "Resolve later" and "Refetch". {@code GET /device/{token}[/policies]} is the
 * page, {@code GET /device/{token}/status} the small JSON the page polls while it waits for a
 * refetch, and {@code POST /device/{token}/bypass|refetch} the two actions, accepted only from the
 * page itself ({@link SameOriginPost}). The token is never logged.
 */
@WebServlet(urlPatterns = "/device/*")
public class MyDeviceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("^/([A-Za-z0-9_-]{16,128})(/policies|/status|/bypass|/refetch)?/?$");

    @EJB
    private DeviceStatusQuery statusQuery;

    @EJB
    private DeviceService devices;

    @EJB
    private OktaConnectionCache settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(String.valueOf(request.getPathInfo()));
        String action = m.matches() ? String.valueOf(m.group(2)) : "";
        if (!m.matches() || action.equals("/bypass") || action.equals("/refetch")) {
            DevicePage.notFound(response);
            return;
        }
        String token = m.group(1);
        try {
            if (action.equals("/status")) {
                status(response, devices.host(token));
                return;
            }
            DeviceStatus status = statusQuery.status(token);
            DevicePage.render(response, token, status, request.getParameter("done"),
                    "resolve-later".equals(request.getParameter("confirm")));
        } catch (Refusal unknownToken) {
            if (action.equals("/status")) {
                json(response, HttpServletResponse.SC_NOT_FOUND, Json.createObjectBuilder()
                        .add("message", "This link is not valid any more"));
            } else {
                DevicePage.notFound(response);
            }
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(String.valueOf(request.getPathInfo()));
        String action = m.matches() ? String.valueOf(m.group(2)) : "";
        if (!action.equals("/bypass") && !action.equals("/refetch")) {
            DevicePage.notFound(response);
            return;
        }
        if (!SameOriginPost.allows(request, settings.current().serverUrl().orElse(null))) {
            DevicePage.crossSite(response);
            return;
        }
        String token = m.group(1);
        String done;
        if (action.equals("/bypass") && !"yes".equals(request.getParameter("confirm"))) {
            // Only the confirmation dialog's button says yes: anything else goes to the confirmation first.
            seeOther(request, response, token, "?confirm=resolve-later#resolve-later");
            return;
        }
        try {
            if (action.equals("/bypass")) {
                devices.requestBypass(token);
                done = "bypass";
            } else {
                devices.requestRefetch(token);
                done = "refetch";
            }
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.UNAUTHENTICATED || refused.kind() == Refusal.Kind.NOT_FOUND) {
                DevicePage.notFound(response);
                return;
            }
            done = "refused";
        }
        // Post/redirect/get: reloading the page never repeats the action.
        seeOther(request, response, token, "?done=" + done);
    }

    private static void seeOther(HttpServletRequest request, HttpServletResponse response, String token, String query) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/device/" + token + "/policies" + query);
    }

    /** Whether the agent still owes fresh results for a refetch, and when it last reported. */
    private static void status(HttpServletResponse response, Host host) throws IOException {
        JsonObjectBuilder body = Json.createObjectBuilder().add("refetch_pending", host.refetchRequested())
                .add("bypass_pending", host.bypassPending());
        if (host.policyUpdatedAt() != null) {
            body.add("policies_updated_at", host.policyUpdatedAt().toString());
        } else {
            body.addNull("policies_updated_at");
        }
        json(response, HttpServletResponse.SC_OK, body);
    }

    private static void json(HttpServletResponse response, int status, JsonObjectBuilder body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(body.build().toString());
    }
}
