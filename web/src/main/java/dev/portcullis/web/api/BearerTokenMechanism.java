package dev.portcullis.web.api;

import dev.portcullis.user.UserService;
import dev.portcullis.web.console.ConsoleSession;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Jakarta Security authentication for the REST API: "Authorization: Bearer &lt;token&gt;" is checked
 * against the session store and the caller becomes known to the container by email, with the
 * roles from {@link dev.portcullis.user.SecurityRoles} as groups. The EJB container then enforces
 * the {@code @RolesAllowed} of each service method. No or an unknown token leaves the caller
 * anonymous; {@link BearerAuthFilter} answers 401 where a resource needs a caller.
 *
 * <p>The console's pages under {@code /admin/} use the same tokens, kept in the HTTP session by
 * {@link ConsoleSession}. Without a live one a page request is sent to the login page, and a Faces
 * Ajax request gets a partial-response redirect there, so an expired session never shows an error.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    @EJB
    private UserService users;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // The path as the container routed it (decoded, without path parameters or doubled slashes):
        // "/%61dmin/" and "/admin;x=1/" reach the console's servlets too, so they must be checked alike.
        if (request.getServletPath().startsWith(ConsoleSession.PREFIX)) {
            return console(request, response, context, routedPath(request));
        }
        // Everything else (SSO, SCEP, the agents) carries no bearer token: one header read and done.
        String token = bearer(request.getHeader("Authorization"));
        if (token == null || !routedPath(request).startsWith("/api/v1/")) {
            return context.doNothing();
        }
        return signIn(context, users.caller(token));
    }

    private static String routedPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }

    private AuthenticationStatus console(HttpServletRequest request, HttpServletResponse response,
                                         HttpMessageContext context, String uri) {
        String token = ConsoleSession.token(request);
        Optional<UserService.Caller> caller = token == null ? Optional.empty() : users.caller(token);
        if (caller.isPresent() || !ConsoleSession.isProtected(uri)) {
            return signIn(context, caller);
        }
        String login = ConsoleSession.LOGIN_PAGE + (token == null ? "" : "?expired=true");
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            partialRedirect(response, login);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.redirect(login);
    }

    private static AuthenticationStatus signIn(HttpMessageContext context, Optional<UserService.Caller> caller) {
        if (caller.isEmpty()) {
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(new CallerPrincipal(caller.get().user().email()), caller.get().roles());
    }

    /** What Faces' Ajax script understands as "go to this page". */
    private static void partialRedirect(HttpServletResponse response, String url) {
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url.replace("&", "&amp;") + "\"/></partial-response>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
