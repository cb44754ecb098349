package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PortcullisServer.Extension.class)
class EnrollSecretsIT {

    @Test
    void globalSecretsAreReplacedAsAWhole(PortcullisServer server) {
        Api admin = server.admin();
        String a = Fixtures.unique("global-a");
        String b = Fixtures.unique("global-b");
        Fixtures.ok(admin.post("/api/v1/fleet/spec/enroll_secret",
                "{\"spec\": {\"secrets\": [{\"secret\": \"%s\"}, {\"secret\": \"%s\"}]}}".formatted(a, b)));
        JsonArray secrets = Fixtures.ok(admin.get("/api/v1/fleet/spec/enroll_secret"))
                .getJsonObject("spec").getJsonArray("secrets");
        assertEquals(2, secrets.size());
        assertEquals(JsonValue.NULL, secrets.getJsonObject(0).get("team_id"));
        assertTrue(secrets.getJsonObject(0).containsKey("created_at"));

        Fixtures.ok(admin.post("/api/v1/fleet/spec/enroll_secret", "{\"spec\": {\"secrets\": [{\"secret\": \"%s\"}]}}".formatted(b)));
        secrets = Fixtures.ok(admin.get("/api/v1/fleet/spec/enroll_secret")).getJsonObject("spec").getJsonArray("secrets");
        assertEquals(1, secrets.size());
        assertEquals(b, secrets.getJsonObject(0).getString("secret"));
    }

    @Test
    void teamSecretsAreReplacedAndUniqueAcrossTeams(PortcullisServer server) {
        Api admin = server.admin();
        JsonObject one = Fixtures.team(admin, Fixtures.unique("one"), false);
        JsonObject two = Fixtures.team(admin, Fixtures.unique("two"), false);
        long oneId = one.getJsonNumber("id").longValue();
        long twoId = two.getJsonNumber("id").longValue();
        String fresh = Fixtures.unique("fresh");
        JsonArray replaced = Fixtures.ok(admin.patch("/api/v1/fleet/teams/" + oneId + "/secrets",
                "{\"secrets\": [{\"secret\": \"%s\"}]}".formatted(fresh))).getJsonArray("secrets");
        assertEquals(1, replaced.size());
        assertEquals(oneId, replaced.getJsonObject(0).getJsonNumber("team_id").longValue());
        assertEquals(fresh, Fixtures.ok(admin.get("/api/v1/fleet/teams/" + oneId + "/secrets"))
                .getJsonArray("secrets").getJsonObject(0).getString("secret"));

        Api.Response taken = admin.patch("/api/v1/fleet/teams/" + twoId + "/secrets",
                "{\"secrets\": [{\"secret\": \"%s\"}]}".formatted(fresh));
        assertEquals(409, taken.status(), taken.toString());
        Api.Response empty = admin.patch("/api/v1/fleet/teams/" + twoId + "/secrets", "{\"secrets\": [{\"secret\": \"\"}]}");
        assertEquals(422, empty.status());
        assertEquals("secret", empty.json().getJsonArray("errors").getJsonObject(0).getString("name"));
        assertEquals(404, admin.get("/api/v1/fleet/teams/999999/secrets").status());
    }
}
