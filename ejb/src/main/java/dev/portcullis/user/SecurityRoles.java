package dev.portcullis.user;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The role names services declare in {@code @RolesAllowed}. A global role is the user's Fleet role;
 * a user with team roles gets {@code team_maintainer} and/or {@code team_observer}, and the service
 * then checks which teams programmatically through {@link TeamScope}.
 */
public final class SecurityRoles {

    public static final String ADMIN = "admin";
    public static final String MAINTAINER = "maintainer";
    public static final String OBSERVER = "observer";
    public static final String TEAM_MAINTAINER = "team_maintainer";
    public static final String TEAM_OBSERVER = "team_observer";

    private SecurityRoles() {
    }

    /** The roles a caller holds: the global role, or one per kind of team role. */
    public static Set<String> of(Role globalRole, Map<Long, Role> teamRoles) {
        Set<String> roles = new LinkedHashSet<>();
        if (globalRole != null) {
            roles.add(globalRole.json());
        }
        for (Role r : teamRoles.values()) {
            roles.add(r == Role.OBSERVER ? TEAM_OBSERVER : TEAM_MAINTAINER);
        }
        return roles;
    }
}
