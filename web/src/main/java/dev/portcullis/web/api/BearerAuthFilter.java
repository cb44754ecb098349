package dev.portcullis.web.api;

import dev.portcullis.user.Role;
import dev.portcullis.user.User;
import dev.portcullis.user.UserService;
import dev.portcullis.web.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;

/** Resolves "Authorization: Bearer &lt;token&gt;" to a user; only administrators pass, for now. */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerAuthFilter implements ContainerRequestFilter {

    @Inject
    private UserService users;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Optional<User> user = users.authenticate(token);
        if (user.isEmpty()) {
            request.abortWith(error(401, "Authentication required"));
            return;
        }
        if (user.get().globalRole() != Role.ADMIN) {
            request.abortWith(error(403, "forbidden"));
            return;
        }
        User u = user.get();
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override public Principal getUserPrincipal() { return u::email; }
            @Override public boolean isUserInRole(String role) { return u.globalRole() != null && u.globalRole().json().equals(role); }
            @Override public boolean isSecure() { return secure; }
            @Override public String getAuthenticationScheme() { return "Bearer"; }
        });
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(message)).build();
    }
}
