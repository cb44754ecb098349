package dev.portcullis.web.console;

import dev.portcullis.ca.CertificatePem;
import dev.portcullis.keys.KeyVault;
import dev.portcullis.problem.Refusal;
import dev.portcullis.profile.AppleUserScopeProfile;
import dev.portcullis.profile.ProfileService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The console's file downloads as plain links: the IdP signing certificate, the SCEP CA in PEM and
 * the user scope profile. Under /admin/, so the console session signs the request in and the
 * services check the roles, as for the pages.
 */
@WebServlet(ConsoleDownloads.PATH + "*")
public class ConsoleDownloads extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String PATH = "/admin/download/";
    public static final String IDP_CERTIFICATE = "portcullis-idp-signing.crt";
    public static final String CA_CERTIFICATE_PEM = "portcullis-scep-ca.pem";

    @EJB
    private transient KeyVault keys;

    @EJB
    private transient ProfileService profiles;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        try {
            switch (name) {
                case IDP_CERTIFICATE -> send(response, name, "application/x-pem-file",
                        CertificatePem.of(keys.idpSigning().certificate()).getBytes(StandardCharsets.US_ASCII));
                case CA_CERTIFICATE_PEM -> send(response, name, "application/x-pem-file",
                        CertificatePem.of(keys.scepCa().certificate()).getBytes(StandardCharsets.US_ASCII));
                case AppleUserScopeProfile.FILE_NAME -> send(response, name, "application/x-apple-aspen-config",
                        profiles.appleUserScopeProfile());
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (Refusal refusal) {
            response.sendError(HttpServletResponse.SC_CONFLICT, refusal.getMessage());
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private static void send(HttpServletResponse response, String name, String contentType, byte[] body)
            throws IOException {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
