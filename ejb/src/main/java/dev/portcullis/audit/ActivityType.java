package dev.portcullis.audit;

/** Kinds of activity, named as Fleet's activity types where Fleet has one. */
public enum ActivityType {
    USER_LOGGED_IN("user_logged_in"),
    CREATED_USER("created_user"),
    DELETED_USER("deleted_user"),
    CHANGED_USER_GLOBAL_ROLE("changed_user_global_role"),
    DELETED_USER_GLOBAL_ROLE("deleted_user_global_role"),
    CHANGED_USER_TEAM_ROLE("changed_user_team_role"),
    DELETED_USER_TEAM_ROLE("deleted_user_team_role"),
    EDITED_CONDITIONAL_ACCESS("edited_conditional_access_okta"),
    DELETED_CONDITIONAL_ACCESS("deleted_conditional_access_okta"),
    EDITED_APP_CONFIG("edited_app_config"),
    CREATED_TEAM("created_team"),
    EDITED_TEAM("edited_team"),
    CREATED_POLICY("created_policy"),
    EDITED_POLICY("edited_policy"),
    EDITED_ENROLL_SECRETS("edited_enroll_secrets"),
    TRANSFERRED_HOSTS("transferred_hosts"),
    DELETED_HOST("deleted_host"),
    REENROLLED_HOST_TO_TEAM("reenrolled_host_to_other_team"),
    ENABLED_CONDITIONAL_ACCESS_BYPASS("requested_conditional_access_bypass"),
    CONSUMED_CONDITIONAL_ACCESS_BYPASS("consumed_conditional_access_bypass"),
    ISSUED_CERTIFICATE("issued_conditional_access_certificate"),
    REVOKED_CERTIFICATE("revoked_conditional_access_certificate"),
    CREATED_SCEP_CHALLENGE("created_scep_challenge");

    private final String fleetName;

    ActivityType(String fleetName) {
        this.fleetName = fleetName;
    }

    public String fleetName() {
        return fleetName;
    }
}
