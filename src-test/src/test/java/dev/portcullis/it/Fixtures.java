package dev.portcullis.it;

import dev.portcullis.it.peers.OktaSp;
import dev.portcullis.it.peers.TlsFiles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Gives the server Okta's values (bypass allowed) with a fresh SP key pair, and returns the
     * pysaml2 SP playing Okta from the server's metadata; its files go under target/it/{@code name}-*.
     */
    static OktaSp connectOkta(PortcullisServer server, String name, String idpId, String audience, String acs)
            throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it", name + "-" + System.currentTimeMillis()).toAbsolutePath());
        TlsFiles.KeyAndCert sp = TlsFiles.selfSignedServer(dir.resolve("okta-sp"), "okta-sp.example");
        ok(server.admin().patch("/api/v1/fleet/config", Json.createObjectBuilder().add("conditional_access",
                Json.createObjectBuilder().add("okta_idp_id", idpId)
                        .add("okta_assertion_consumer_service_url", acs).add("okta_audience_uri", audience)
                        .add("okta_certificate", Files.readString(sp.cert())).add("bypass_disabled", false))
                .build().toString()));
        Path metadata = Files.writeString(dir.resolve("idp-metadata.xml"),
                server.api().get("/api/fleet/conditional_access/idp/metadata").body());
        return new OktaSp(Path.of(System.getProperty("portcullis.it.python.dir"), "okta_sp.py"), metadata,
                audience, acs, sp.key(), sp.cert(), dir);
    }
}
