package dev.portcullis.web.api;

import dev.portcullis.user.User;

/** A user as Fleet shows one. */
public record UserJson(long id, String email, String name, String globalRole, boolean apiOnly) {

    static UserJson of(User u) {
        return new UserJson(u.id(), u.email(), u.name(), u.globalRole() == null ? null : u.globalRole().json(), u.apiOnly());
    }
}
