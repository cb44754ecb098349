package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PortcullisServer.Extension.class)
class PoliciesIT {

    @Test
    void globalPoliciesAreCreatedChangedListedAndDeleted(PortcullisServer server) {
        Api admin = server.admin();
        String name = Fixtures.unique("FileVault");
        JsonObject created = Fixtures.policy(admin, null, name, false, false);
        long id = created.getJsonNumber("id").longValue();
        assertEquals(name, created.getString("name"));
        assertEquals(JsonValue.NULL, created.get("team_id"));
        assertEquals("darwin", created.getString("platform"));
        assertEquals(0, created.getInt("passing_host_count"));
        assertEquals(0, created.getInt("failing_host_count"));
        assertTrue(created.containsKey("created_at") && created.containsKey("updated_at"));

        JsonObject patched = Fixtures.ok(admin.patch("/api/v1/fleet/global/policies/" + id,
                "{\"critical\": true, \"resolution\": \"Enable it.\"}")).getJsonObject("policy");
        assertTrue(patched.getBoolean("critical"));
        assertEquals("Enable it.", patched.getString("resolution"));
        assertEquals(name, patched.getString("name"));
        assertEquals("Enable it.", Fixtures.ok(admin.get("/api/v1/fleet/global/policies/" + id))
                .getJsonObject("policy").getString("resolution"));
        assertTrue(ids(Fixtures.ok(admin.get("/api/v1/fleet/global/policies"))).contains(id));

        assertEquals(1, Fixtures.ok(admin.post("/api/v1/fleet/global/policies/delete", "{\"ids\": [%d]}".formatted(id)))
                .getInt("deleted"));
        assertEquals(404, admin.get("/api/v1/fleet/global/policies/" + id).status());
        assertFalse(ids(Fixtures.ok(admin.get("/api/v1/fleet/global/policies"))).contains(id));
    }

    @Test
    void teamPoliciesLiveInTheirTeamOnly(PortcullisServer server) {
        Api admin = server.admin();
        long teamId = Fixtures.team(admin, Fixtures.unique("policy-team"), true).getJsonNumber("id").longValue();
        JsonObject policy = Fixtures.policy(admin, teamId, "Firewall", true, true);
        long id = policy.getJsonNumber("id").longValue();
        assertEquals(teamId, policy.getJsonNumber("team_id").longValue());
        assertTrue(policy.getBoolean("conditional_access_enabled"));
        assertEquals(List.of(id), ids(Fixtures.ok(admin.get("/api/v1/fleet/teams/" + teamId + "/policies"))));
        assertEquals(404, admin.get("/api/v1/fleet/global/policies/" + id).status(), "not a global policy");
        assertEquals(404, admin.get("/api/v1/fleet/teams/999999/policies").status());
        assertEquals(409, admin.post("/api/v1/fleet/teams/" + teamId + "/policies",
                "{\"name\": \"Firewall\", \"query\": \"SELECT 1;\"}").status());
        Fixtures.ok(admin.post("/api/v1/fleet/teams/" + teamId + "/policies/delete", "{\"ids\": [%d]}".formatted(id)));
        assertEquals(List.of(), ids(Fixtures.ok(admin.get("/api/v1/fleet/teams/" + teamId + "/policies"))));
    }

    @Test
    void invalidPoliciesAre422NamingTheField(PortcullisServer server) {
        Api admin = server.admin();
        assertField("name", admin.post("/api/v1/fleet/global/policies", "{\"name\": \"\", \"query\": \"SELECT 1;\"}"));
        assertField("query", admin.post("/api/v1/fleet/global/policies", "{\"name\": \"%s\"}".formatted(Fixtures.unique("q"))));
        assertField("platform", admin.post("/api/v1/fleet/global/policies",
                "{\"name\": \"%s\", \"query\": \"SELECT 1;\", \"platform\": \"plan9\"}".formatted(Fixtures.unique("p"))));
        long id = Fixtures.policy(admin, null, Fixtures.unique("valid"), false, false).getJsonNumber("id").longValue();
        assertField("query", admin.patch("/api/v1/fleet/global/policies/" + id, "{\"query\": \"  \"}"));
        assertEquals(400, admin.post("/api/v1/fleet/global/policies", "{\"name\": ").status());
        Api.Response wrongType = admin.post("/api/v1/fleet/global/policies",
                "{\"name\": \"typed\", \"query\": \"SELECT 1;\", \"critical\": \"yes\"}");
        assertEquals(400, wrongType.status(), wrongType.toString());
        assertFalse(wrongType.body().contains("Exception"), wrongType.body());
        Fixtures.ok(admin.post("/api/v1/fleet/global/policies/delete", "{\"ids\": [%d]}".formatted(id)));
    }

    private static void assertField(String field, Api.Response r) {
        assertEquals(422, r.status(), r.toString());
        assertEquals("Validation Failed", r.json().getString("message"));
        assertTrue(r.json().getJsonArray("errors").stream()
                .anyMatch(e -> e.asJsonObject().getString("name").equals(field)), r.toString());
    }

    private static List<Long> ids(JsonObject policies) {
        return policies.getJsonArray("policies").stream().map(p -> p.asJsonObject().getJsonNumber("id").longValue())
                .collect(Collectors.toList());
    }
}
