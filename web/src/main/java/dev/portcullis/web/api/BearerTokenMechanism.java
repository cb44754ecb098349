package dev.portcullis.web.api;

import dev.portcullis.user.UserService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Jakarta Security authentication for the REST API: "Authorization: Bearer &lt;token&gt;" is checked
 * against the session store and the caller becomes known to the container by email, with the
 * roles from {@link dev.portcullis.user.SecurityRoles} as groups. The EJB container then enforces
 * the {@code @RolesAllowed} of each service method. No or an unknown token leaves the caller
 * anonymous; {@link BearerAuthFilter} answers 401 where a resource needs a caller.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    @EJB
    private UserService users;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String token = bearer(request.getHeader("Authorization"));
        if (token == null || !request.getRequestURI().startsWith("/api/v1/")) {
            return context.doNothing();
        }
        Optional<UserService.Caller> caller = users.caller(token);
        if (caller.isEmpty()) {
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(new CallerPrincipal(caller.get().user().email()), caller.get().roles());
    }

    static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
