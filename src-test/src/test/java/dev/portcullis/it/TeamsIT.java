package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PortcullisServer.Extension.class)
class TeamsIT {

    @Test
    void aNewTeamGetsOneRandomSecretAndConditionalAccessCanBeEnabled(PortcullisServer server) {
        Api admin = server.admin();
        String name = Fixtures.unique("Engineering");
        JsonObject team = Fixtures.ok(admin.post("/api/v1/fleet/teams", "{\"name\": \"%s\"}".formatted(name)))
                .getJsonObject("team");
        long id = team.getJsonNumber("id").longValue();
        assertEquals(name, team.getString("name"));
        assertEquals(0, team.getInt("host_count"));
        assertEquals(1, team.getJsonArray("secrets").size());
        assertTrue(team.getJsonArray("secrets").getJsonObject(0).getString("secret").length() >= 24);
        assertFalse(team.getJsonObject("integrations").getBoolean("conditional_access_enabled"));

        JsonObject patched = Fixtures.ok(admin.patch("/api/v1/fleet/teams/" + id,
                "{\"description\": \"Builders\", \"integrations\": {\"conditional_access_enabled\": true}}"))
                .getJsonObject("team");
        assertTrue(patched.getJsonObject("integrations").getBoolean("conditional_access_enabled"));
        assertEquals("Builders", patched.getString("description"));
        assertEquals(name, patched.getString("name"));

        JsonObject fetched = Fixtures.ok(admin.get("/api/v1/fleet/teams/" + id)).getJsonObject("team");
        assertTrue(fetched.getJsonObject("integrations").getBoolean("conditional_access_enabled"));
        assertTrue(Fixtures.ok(admin.get("/api/v1/fleet/teams")).getJsonArray("teams").stream()
                .anyMatch(t -> t.asJsonObject().getString("name").equals(name)));
        assertEquals(409, admin.post("/api/v1/fleet/teams", "{\"name\": \"%s\"}".formatted(name)).status());
        Api.Response nameless = admin.post("/api/v1/fleet/teams", "{\"name\": \" \"}");
        assertEquals(422, nameless.status());
        assertEquals("name", nameless.json().getJsonArray("errors").getJsonObject(0).getString("name"));
    }

    @Test
    void deletingATeamMovesItsHostsToNoTeam(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("doomed");
        long teamId = Fixtures.team(admin, secret, true).getJsonNumber("id").longValue();
        Agent agent = new Agent(server, Fixtures.unique("uuid-doomed"), "doomed-mac");
        assertEquals(200, agent.enroll(secret).status());
        JsonObject host = Fixtures.ok(admin.get("/api/v1/fleet/hosts?team_id=" + teamId)).getJsonArray("hosts").getJsonObject(0);
        long hostId = host.getJsonNumber("id").longValue();
        assertEquals(1, Fixtures.ok(admin.get("/api/v1/fleet/teams/" + teamId)).getJsonObject("team").getInt("host_count"));

        Fixtures.ok(admin.delete("/api/v1/fleet/teams/" + teamId));
        assertEquals(404, admin.get("/api/v1/fleet/teams/" + teamId).status());
        assertEquals(JsonValue.NULL, Fixtures.ok(admin.get("/api/v1/fleet/hosts/" + hostId)).getJsonObject("host").get("team_id"));
        assertEquals(401, agent.enroll(secret).status(), "the team's secret went with it");
    }
}
