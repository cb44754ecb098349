package dev.portcullis.web.console;

import dev.portcullis.audit.ActivityType;
import dev.portcullis.audit.SignInOutcome;
import dev.portcullis.user.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes times, outcomes, activity types and roles: in words, the same on every page. */
@Named("words")
@ApplicationScoped
public class ConsoleWords {

    // Times read in UTC everywhere in the console, and say so: the server's zone means nothing to the reader.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String time(Instant at) {
        return at == null ? "never" : TIME.format(at);
    }

    /** "just now", "5 minutes ago", "3 hours ago", "2 days ago", or the date for older times. */
    public String ago(Instant at) {
        if (at == null) {
            return "never";
        }
        Duration since = Duration.between(at, Instant.now());
        if (since.toMinutes() < 1) return "just now";
        if (since.toHours() < 1) return plural(since.toMinutes(), "minute") + " ago";
        if (since.toDays() < 1) return plural(since.toHours(), "hour") + " ago";
        if (since.toDays() < 30) return plural(since.toDays(), "day") + " ago";
        return time(at);
    }

    /** The note for a team asked for in the URL that does not exist (or is not the user's), shortened. */
    static String teamNotFound(String asked, String shownInstead) {
        String team = asked.length() > 40 ? asked.substring(0, 40) + "…" : asked;
        return "Team " + team + " was not found; showing " + shownInstead + ".";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    public String outcome(SignInOutcome outcome) {
        return switch (outcome) {
            case ALLOWED -> "Allowed";
            case ALLOWED_BY_BYPASS -> "Allowed by bypass";
            case BLOCKED -> "Blocked";
            case CERTIFICATE_ERROR -> "Certificate error";
            case REQUEST_ERROR -> "Request error";
        };
    }

    public boolean allowed(SignInOutcome outcome) {
        return outcome == SignInOutcome.ALLOWED || outcome == SignInOutcome.ALLOWED_BY_BYPASS;
    }

    public String role(Role role) {
        return switch (role) {
            case ADMIN -> "Admin";
            case MAINTAINER -> "Maintainer";
            case OBSERVER -> "Observer";
        };
    }

    public String activity(ActivityType type) {
        return switch (type) {
            case USER_LOGGED_IN -> "Logged in";
            case CREATED_USER -> "Created a user";
            case DELETED_USER -> "Deleted a user";
            case CHANGED_USER_GLOBAL_ROLE -> "Changed a user's role";
            case DELETED_USER_GLOBAL_ROLE -> "Removed a user's global role";
            case CHANGED_USER_TEAM_ROLE -> "Changed a user's team role";
            case DELETED_USER_TEAM_ROLE -> "Removed a user's team role";
            case EDITED_CONDITIONAL_ACCESS -> "Edited the Okta connection";
            case DELETED_CONDITIONAL_ACCESS -> "Deleted the Okta connection";
            case EDITED_APP_CONFIG -> "Edited settings";
            case CREATED_TEAM -> "Created a team";
            case EDITED_TEAM -> "Edited a team";
            case CREATED_POLICY -> "Created a policy";
            case EDITED_POLICY -> "Edited a policy";
            case EDITED_ENROLL_SECRETS -> "Edited enroll secrets";
            case TRANSFERRED_HOSTS -> "Transferred hosts";
            case DELETED_HOST -> "Deleted a host";
            case REENROLLED_HOST_TO_TEAM -> "A host enrolled again into another team";
            case ENABLED_CONDITIONAL_ACCESS_BYPASS -> "Requested a sign-in bypass";
            case CONSUMED_CONDITIONAL_ACCESS_BYPASS -> "Used a sign-in bypass";
            case ISSUED_CERTIFICATE -> "Issued a certificate";
            case REVOKED_CERTIFICATE -> "Revoked certificates";
            case CREATED_SCEP_CHALLENGE -> "Created a SCEP challenge";
        };
    }
}
