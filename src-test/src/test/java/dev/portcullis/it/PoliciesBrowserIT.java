package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.it.peers.BrowserScript;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Policies page in a real browser: an administrator adds a team's policies, turns conditional
 * access on for the team through Manage automations with one policy blocking sign-in, and deletes
 * a policy. The server's state is then read through the REST API.
 */
@ExtendWith(PortcullisServer.Extension.class)
class PoliciesBrowserIT {

    @Test
    void anAdministratorEnablesConditionalAccessForATeamAndPicksItsPolicies(PortcullisServer server) throws Exception {
        Api admin = server.admin();
        String teamName = Fixtures.unique("Browser team");
        long teamId = Fixtures.ok(admin.post("/api/v1/fleet/teams", Json.createObjectBuilder().add("name", teamName).build().toString()))
                .getJsonObject("team").getJsonNumber("id").longValue();
        String gating = Fixtures.unique("Disk encryption");
        String other = Fixtures.unique("Firewall");
        String scenario = Json.createObjectBuilder().add("email", PortcullisServer.ADMIN_EMAIL)
                .add("password", PortcullisServer.ADMIN_PASSWORD)
                .add("adminToken", RolesIT.login(server, PortcullisServer.ADMIN_EMAIL, PortcullisServer.ADMIN_PASSWORD))
                .add("teamId", teamId).add("teamName", teamName)
                .add("gatingPolicy", gating).add("otherPolicy", other).build().toString();

        BrowserScript.Result run = BrowserScript.run("policies", server.baseUrl(), scenario, Duration.ofMinutes(3));
        assertEquals(0, run.exitCode(), run.output() + "\n" + server.logTail(40));

        JsonObject team = Fixtures.ok(admin.get("/api/v1/fleet/teams/" + teamId)).getJsonObject("team");
        assertTrue(team.getJsonObject("integrations").getBoolean("conditional_access_enabled"));
        JsonArray policies = Fixtures.ok(admin.get("/api/v1/fleet/teams/" + teamId + "/policies")).getJsonArray("policies");
        assertEquals(1, policies.size(), "the deleted policy is gone: " + policies);
        JsonObject kept = policies.getJsonObject(0);
        assertEquals(gating, kept.getString("name"));
        assertTrue(kept.getBoolean("conditional_access_enabled"));
        assertFalse(kept.getBoolean("critical"));
        assertEquals("darwin", kept.getString("platform"));
        assertEquals("Open System Settings > Privacy & Security > FileVault and turn it on.", kept.getString("resolution"));
    }
}
