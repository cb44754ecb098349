package dev.portcullis.web.api;

import dev.portcullis.user.UserService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** First-run setup, login, logout and "who am I". */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    public record AdminIn(String email, String name, String password, String passwordConfirmation) {
    }

    public record OrgInfo(String orgName) {
    }

    public record SetupIn(AdminIn admin, OrgInfo orgInfo, String serverUrl) {
    }

    public record SetupOut(UserJson admin, OrgInfo orgInfo, String serverUrl, String token) {
    }

    public record LoginIn(String email, String password) {
    }

    public record LoginOut(UserJson user, String token, List<AvailableTeam> availableTeams) {
    }

    /** A team the user has a role in, as Fleet lists them beside the user. */
    public record AvailableTeam(long id, String name) {
    }

    @Inject
    private UserService users;

    @POST
    @Path("setup")
    public SetupOut setup(SetupIn body) {
        if (users.setupDone()) {
            throw dev.portcullis.problem.Refusal.conflict("Setup has already been completed");
        }
        Bodies.required(body);
        AdminIn a = body.admin();
        UserService.NewAdmin admin = a == null ? null
                : new UserService.NewAdmin(a.email(), a.name(), a.password(), a.passwordConfirmation());
        UserService.SetupOutcome out = users.setup(admin, body.orgInfo() == null ? null : body.orgInfo().orgName(),
                body.serverUrl());
        return new SetupOut(UserJson.of(out.admin()), new OrgInfo(out.orgName()), out.serverUrl(), out.token());
    }

    @POST
    @Path("fleet/login")
    public LoginOut login(LoginIn body, @Context HttpServletRequest request) {
        Bodies.required(body);
        UserService.LoginOutcome out = users.login(body.email(), body.password(), request.getRemoteAddr());
        UserJson user = UserJson.of(out.user());
        return new LoginOut(user, out.token(), availableTeams(user));
    }

    @POST
    @Path("fleet/logout")
    @Authenticated
    public Map<String, Object> logout(@Context HttpHeaders headers) {
        users.logout(bearer(headers));
        return Map.of();
    }

    @GET
    @Path("fleet/me")
    @Authenticated
    public Map<String, Object> me() {
        UserJson user = UserJson.of(users.me());
        return Map.of("user", user, "available_teams", availableTeams(user));
    }

    private static List<AvailableTeam> availableTeams(UserJson user) {
        return user.teams().stream().map(t -> new AvailableTeam(t.id(), t.name())).toList();
    }

    private static String bearer(HttpHeaders headers) {
        return BearerTokenMechanism.bearer(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    }
}
