package dev.portcullis.web.console;

import dev.portcullis.user.Role;
import dev.portcullis.user.UserService;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The role part of the user forms: one global role, or a role per team (Fleet's rule: one or the
 * other). Holds what the form shows; the service decides what is acceptable.
 */
public final class RoleChoice implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String GLOBAL = "global";
    public static final String TEAMS = "teams";

    private String kind = GLOBAL;
    private String globalRole = "observer";
    /** Team id to "maintainer", "observer", or null for no role in that team. */
    private final Map<Long, String> teamRoles = new LinkedHashMap<>();

    /** The choice as the user holds it now. */
    static RoleChoice of(UserService.UserView user) {
        RoleChoice choice = new RoleChoice();
        if (user.user().globalRole() != null) {
            choice.globalRole = user.user().globalRole().json();
        } else {
            choice.kind = TEAMS;
            user.teams().forEach(t -> choice.teamRoles.put(t.teamId(), t.role().json()));
        }
        return choice;
    }

    String globalRoleForService() {
        return GLOBAL.equals(kind) ? globalRole : null;
    }

    /** The team roles to send: none when a global role was chosen, else every team given a role. */
    List<UserService.TeamRoleDraft> teamsForService() {
        if (!TEAMS.equals(kind)) {
            return null;
        }
        return teamRoles.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> new UserService.TeamRoleDraft(e.getKey(), e.getValue())).toList();
    }

    /** "Admin", or "Maintainer of Laptops, Observer of Servers". */
    static String describe(UserService.UserView user, ConsoleWords words) {
        if (user.user().globalRole() != null) {
            return words.role(user.user().globalRole());
        }
        return String.join(", ", user.teams().stream()
                .map(t -> words.role(t.role()) + " of " + (t.teamName() == null ? "team " + t.teamId() : t.teamName()))
                .toList());
    }

    public static Role[] globalRoles() {
        return Role.values();
    }

    public boolean isTeams() { return TEAMS.equals(kind); }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind == null ? GLOBAL : kind.toLowerCase(Locale.ROOT); }
    public String getGlobalRole() { return globalRole; }
    public void setGlobalRole(String globalRole) { this.globalRole = globalRole; }
    public Map<Long, String> getTeamRoles() { return teamRoles; }
}
