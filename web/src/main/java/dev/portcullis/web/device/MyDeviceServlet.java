package dev.portcullis.web.device;

import dev.portcullis.host.DeviceService;
import dev.portcullis.host.DeviceStatus;
import dev.portcullis.host.DeviceStatusQuery;
import dev.portcullis.problem.Refusal;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end user's My device page, reached by device token (no login): where a blocked sign-in
 * lands, what to fix, "Resolve later" and "Refetch".
 */
@WebServlet(urlPatterns = "/device/*")
public class MyDeviceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("^/([A-Za-z0-9_-]{16,128})(/policies|/bypass|/refetch)?/?$");

    @EJB
    private DeviceStatusQuery statusQuery;

    @EJB
    private DeviceService devices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!m.matches() || "/bypass".equals(m.group(2)) || "/refetch".equals(m.group(2))) {
            DevicePage.notFound(response);
            return;
        }
        try {
            DeviceStatus status = statusQuery.status(m.group(1));
            DevicePage.render(response, m.group(1), status, request.getParameter("done"));
        } catch (Refusal unknownToken) {
            DevicePage.notFound(response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!m.matches() || m.group(2) == null || "/policies".equals(m.group(2))) {
            DevicePage.notFound(response);
            return;
        }
        String token = m.group(1);
        String done;
        try {
            if ("/bypass".equals(m.group(2))) {
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
        response.sendRedirect(request.getContextPath() + "/device/" + token + "/policies?done=" + done);
    }
}
