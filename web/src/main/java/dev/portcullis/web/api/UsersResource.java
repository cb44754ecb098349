package dev.portcullis.web.api;

import dev.portcullis.user.UserService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Users and their roles, as Fleet's users API. Only administrators (declared on {@link UserService}). */
@Path("v1/fleet/users")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    public record TeamIn(Long id, String role) {
    }

    public record UserIn(String name, String email, String password, String globalRole, List<TeamIn> teams,
                         Boolean apiOnly) {

        UserService.UserDraft draft() {
            List<UserService.TeamRoleDraft> t = teams == null ? null
                    : teams.stream().map(x -> x == null ? null : new UserService.TeamRoleDraft(x.id(), x.role())).toList();
            return new UserService.UserDraft(name, email, password, globalRole, t, apiOnly);
        }
    }

    public record UserOut(UserJson user) {
    }

    public record UsersOut(List<UserJson> users) {
    }

    @Inject
    private UserService users;

    @GET
    public UsersOut list() {
        return new UsersOut(users.list().stream().map(UserJson::of).toList());
    }

    /** Fleet's "create user" for administrators. */
    @POST
    @Path("admin")
    public UserOut createAsAdmin(UserIn body) {
        return create(body);
    }

    @POST
    public UserOut create(UserIn body) {
        return new UserOut(UserJson.of(users.create(Bodies.required(body).draft())));
    }

    @GET
    @Path("{id}")
    public UserOut get(@PathParam("id") long id) {
        return new UserOut(UserJson.of(users.get(id)));
    }

    @PATCH
    @Path("{id}")
    public UserOut update(@PathParam("id") long id, UserIn body) {
        return new UserOut(UserJson.of(users.update(id, Bodies.required(body).draft())));
    }

    @DELETE
    @Path("{id}")
    public Map<String, Object> delete(@PathParam("id") long id) {
        users.delete(id);
        return Map.of();
    }
}
