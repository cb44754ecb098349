package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.it.peers.BrowserScript;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Policies page in a real browser: an administrator adds a team's policies, turns conditional
 * access on for the team through Manage automations with one policy blocking sign-in, and deletes
 * a policy. A policy made through the API beforehand, which three of the team's Macs have
 * answered, shows the pass/fail counts. The server's state is then read through the REST API.
 */
@ExtendWith(PortcullisServer.Extension.class)
class PoliciesBrowserIT {

    @Test
    void anAdministratorEnablesConditionalAccessForATeamAndPicksItsPolicies(PortcullisServer server) throws Exception {
        Api admin = server.admin();
        String secret = Fixtures.unique("policies-console");
        JsonObject created = Fixtures.team(admin, secret, false);
        long teamId = created.getJsonNumber("id").longValue();
        String teamName = created.getString("name");
        String reported = Fixtures.unique("Screen lock");
        JsonObject screenLock = Fixtures.ok(admin.post("/api/v1/fleet/teams/" + teamId + "/policies", Json.createObjectBuilder()
                .add("name", reported).add("query", "SELECT 1 FROM screenlock WHERE enabled = 1 AND grace_period <= 60;")
                .add("description", "The screen locks within a minute.").add("platform", "darwin").build().toString()))
                .getJsonObject("policy");
        for (Agent.Result result : List.of(Agent.Result.PASS, Agent.Result.PASS, Agent.Result.FAIL)) {
            Agent mac = new Agent(server, UUID.randomUUID().toString().toUpperCase(), Fixtures.unique("policies-mac"));
            Fixtures.ok(mac.enroll(secret));
            mac.read();
            Fixtures.ok(mac.write(Map.of(Fixtures.queryName(screenLock), result), mac.details()));
        }
        String gating = Fixtures.unique("Disk encryption");
        String other = Fixtures.unique("Firewall");
        String scenario = Json.createObjectBuilder().add("email", PortcullisServer.ADMIN_EMAIL)
                .add("password", PortcullisServer.ADMIN_PASSWORD)
                .add("adminToken", RolesIT.login(server, PortcullisServer.ADMIN_EMAIL, PortcullisServer.ADMIN_PASSWORD))
                .add("teamId", teamId).add("teamName", teamName)
                .add("reportedPolicy", reported).add("gatingPolicy", gating).add("otherPolicy", other).build().toString();

        BrowserScript.Result run = BrowserScript.run("policies", server.baseUrl(), scenario, Duration.ofMinutes(3));
        assertEquals(0, run.exitCode(), run.output() + "\n" + server.logTail(40));

        JsonObject team = Fixtures.ok(admin.get("/api/v1/fleet/teams/" + teamId)).getJsonObject("team");
        assertTrue(team.getJsonObject("integrations").getBoolean("conditional_access_enabled"));
        JsonArray policies = Fixtures.ok(admin.get("/api/v1/fleet/teams/" + teamId + "/policies")).getJsonArray("policies");
        assertEquals(List.of(gating, reported).stream().sorted().toList(),
                policies.getValuesAs(JsonObject.class).stream().map(p -> p.getString("name")).sorted().toList(),
                "the deleted policy is gone");
        JsonObject kept = policies.getValuesAs(JsonObject.class).stream().filter(p -> p.getString("name").equals(gating))
                .findFirst().orElseThrow();
        assertFalse(policies.getValuesAs(JsonObject.class).stream().filter(p -> p.getString("name").equals(reported))
                .findFirst().orElseThrow().getBoolean("conditional_access_enabled"), "an unticked policy does not block sign-in");
        assertEquals(gating, kept.getString("name"));
        assertTrue(kept.getBoolean("conditional_access_enabled"));
        assertFalse(kept.getBoolean("critical"));
        assertEquals("darwin", kept.getString("platform"));
        assertEquals("Open System Settings > Privacy & Security > FileVault and turn it on.", kept.getString("resolution"));
    }
}
