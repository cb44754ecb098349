package dev.portcullis.web.console;

/**
 * Which policies the Policies page shows, as kept in its URL: {@code all} (global policies, which
 * every host runs), {@code none} (hosts with no team: they run the global policies) or a team id.
 */
public record PolicyScope(String key) {

    public static final String ALL = "all";
    public static final String NO_TEAM = "none";

    public static PolicyScope parse(String key) {
        if (key == null || key.isBlank() || key.equals(ALL)) {
            return new PolicyScope(ALL);
        }
        if (key.equals(NO_TEAM)) {
            return new PolicyScope(NO_TEAM);
        }
        try {
            return new PolicyScope(String.valueOf(Long.parseLong(key.strip())));
        } catch (NumberFormatException e) {
            return new PolicyScope(ALL);
        }
    }

    /** The team whose policies are listed; null for the global policies. */
    public Long teamId() {
        return isTeam() ? Long.valueOf(key) : null;
    }

    public boolean isTeam() {
        return !key.equals(ALL) && !key.equals(NO_TEAM);
    }

    /** Conditional access is switched per team and for "no team", not for all teams at once. */
    public boolean hasConditionalAccess() {
        return !key.equals(ALL);
    }
}
