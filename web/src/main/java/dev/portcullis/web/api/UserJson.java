package dev.portcullis.web.api;

import dev.portcullis.user.User;
import dev.portcullis.user.UserService;
import java.util.List;

/** A user as Fleet shows one: a global role, or team roles in {@code teams}. */
public record UserJson(long id, String email, String name, String globalRole, boolean apiOnly, List<TeamRole> teams) {

    public record TeamRole(long id, String name, String role) {
    }

    static UserJson of(User u) {
        return new UserJson(u.id(), u.email(), u.name(), u.globalRole() == null ? null : u.globalRole().json(),
                u.apiOnly(), List.of());
    }

    static UserJson of(UserService.UserView v) {
        User u = v.user();
        return new UserJson(u.id(), u.email(), u.name(), u.globalRole() == null ? null : u.globalRole().json(),
                u.apiOnly(), v.teams().stream().map(t -> new TeamRole(t.teamId(), t.teamName(), t.role().json())).toList());
    }
}
