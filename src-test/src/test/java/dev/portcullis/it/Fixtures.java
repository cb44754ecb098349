package dev.portcullis.it;

import jakarta.json.JsonObject;
import java.util.UUID;

/** Small helpers shared by the ITs: unique names and common admin calls. */
final class Fixtures {

    private Fixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonObject ok(Api.Response r) {
        if (r.status() != 200) {
            throw new AssertionError("expected 200, got " + r);
        }
        return r.json();
    }

    /** Creates a team with one known secret; returns the team JSON. */
    static JsonObject team(Api admin, String secret, boolean conditionalAccess) {
        return ok(admin.post("/api/v1/fleet/teams", """
                {"name": "%s", "secrets": [{"secret": "%s"}],
                 "integrations": {"conditional_access_enabled": %s}}
                """.formatted(unique("team"), secret, conditionalAccess))).getJsonObject("team");
    }

    /** Creates a policy in a team (or globally when teamId is null); returns the policy JSON. */
    static JsonObject policy(Api admin, Long teamId, String name, boolean critical, boolean conditionalAccess) {
        String path = teamId == null ? "/api/v1/fleet/global/policies" : "/api/v1/fleet/teams/" + teamId + "/policies";
        return ok(admin.post(path, """
                {"name": "%s", "query": "SELECT 1 FROM disk_encryption WHERE encrypted = 1;",
                 "description": "FileVault is on", "resolution": "Turn on FileVault in System Settings.",
                 "platform": "darwin", "critical": %s, "conditional_access_enabled": %s}
                """.formatted(name, critical, conditionalAccess))).getJsonObject("policy");
    }

    static String queryName(JsonObject policy) {
        return "fleet_policy_query_" + policy.getJsonNumber("id").longValue();
    }
}
