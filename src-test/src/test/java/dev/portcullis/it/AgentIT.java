package dev.portcullis.it;

import static dev.portcullis.it.Agent.Result.ERROR;
import static dev.portcullis.it.Agent.Result.FAIL;
import static dev.portcullis.it.Agent.Result.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PortcullisServer.Extension.class)
class AgentIT {

    @Test
    void enrollPlacesHostsByTheirSecretAndReEnrollKeepsTheHost(PortcullisServer server) {
        Api admin = server.admin();
        String global = Fixtures.unique("agent-global");
        Fixtures.ok(admin.post("/api/v1/fleet/spec/enroll_secret", "{\"spec\": {\"secrets\": [{\"secret\": \"%s\"}]}}".formatted(global)));
        String teamSecret = Fixtures.unique("agent-team");
        long teamId = Fixtures.team(admin, teamSecret, false).getJsonNumber("id").longValue();

        String uuid = Fixtures.unique("5a1d3e0f-aaaa-bbbb-cccc").toUpperCase(Locale.ROOT);
        Agent agent = new Agent(server, uuid, "laptop-1");
        JsonObject enrolled = Fixtures.ok(agent.enroll(teamSecret));
        assertFalse(enrolled.getString("node_key").isBlank());
        JsonObject host = hostByUuid(admin, uuid);
        long hostId = host.getJsonNumber("id").longValue();
        assertEquals(teamId, host.getJsonNumber("team_id").longValue());
        assertEquals("darwin", host.getString("platform"));
        assertEquals("laptop-1", host.getString("hostname"));
        assertEquals("macOS 14.5", host.getString("os_version"));
        assertEquals(200, agent.config().status());

        String oldKey = agent.nodeKey();
        Agent again = new Agent(server, uuid.toLowerCase(Locale.ROOT), "laptop-1");
        Fixtures.ok(again.enroll(global));
        assertNotEquals(oldKey, again.nodeKey());
        JsonObject reenrolled = hostByUuid(admin, uuid);
        assertEquals(hostId, reenrolled.getJsonNumber("id").longValue(), "same hardware UUID, same host");
        assertEquals(hostId, Fixtures.ok(admin.get("/api/v1/fleet/hosts/identifier/" + uuid.toLowerCase(Locale.ROOT)))
                .getJsonObject("host").getJsonNumber("id").longValue());
        assertEquals(JsonValue.NULL, reenrolled.get("team_id"), "a global secret means no team");
        assertNodeInvalid(agent.config());

        Api.Response wrong = new Agent(server, Fixtures.unique("uuid"), "x").enroll("not-a-secret");
        assertNodeInvalid(wrong);
        assertTrue(wrong.json().containsKey("error"));
    }

    @Test
    void policiesAreHandedOutWhenDueAndResultsRecorded(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("results");
        long teamId = Fixtures.team(admin, secret, true).getJsonNumber("id").longValue();
        JsonObject passing = Fixtures.policy(admin, teamId, "Passes", false, true);
        JsonObject failing = Fixtures.policy(admin, teamId, "Fails", false, true);
        JsonObject erroring = Fixtures.policy(admin, teamId, "Errors", false, true);
        JsonObject windows = Fixtures.ok(admin.post("/api/v1/fleet/teams/" + teamId + "/policies",
                "{\"name\": \"Windows only\", \"query\": \"SELECT 1;\", \"platform\": \"windows\"}")).getJsonObject("policy");
        String uuid = Fixtures.unique("results-uuid");
        Agent agent = new Agent(server, uuid, "results-mac");
        Fixtures.ok(agent.enroll(secret));
        long hostId = hostByUuid(admin, uuid).getJsonNumber("id").longValue();

        JsonObject queries = agent.read();
        assertTrue(queries.containsKey(Fixtures.queryName(passing)), queries.toString());
        assertTrue(queries.containsKey(Fixtures.queryName(failing)));
        assertTrue(queries.containsKey(Fixtures.queryName(erroring)));
        assertFalse(queries.containsKey(Fixtures.queryName(windows)), "filtered by platform");
        assertEquals(passing.getString("query"), queries.getString(Fixtures.queryName(passing)));

        Map<String, Agent.Result> results = new LinkedHashMap<>();
        results.put(Fixtures.queryName(passing), PASS);
        results.put(Fixtures.queryName(failing), FAIL);
        results.put(Fixtures.queryName(erroring), ERROR);
        results.put("fleet_policy_query_987654321", PASS);
        results.put("some_other_query", PASS);
        Api.Response written = agent.write(results);
        assertEquals(200, written.status(), written.toString());
        assertEquals("{}", written.body().strip());

        Map<Long, String> responses = responses(admin, hostId);
        assertEquals("pass", responses.get(passing.getJsonNumber("id").longValue()));
        assertEquals("fail", responses.get(failing.getJsonNumber("id").longValue()));
        assertEquals("", responses.get(erroring.getJsonNumber("id").longValue()));
        assertFalse(responses.containsKey(windows.getJsonNumber("id").longValue()));
        JsonObject counted = Fixtures.ok(admin.get("/api/v1/fleet/teams/" + teamId + "/policies/"
                + passing.getJsonNumber("id").longValue())).getJsonObject("policy");
        assertEquals(1, counted.getInt("passing_host_count"));

        assertEquals(0, agent.read().size(), "results are fresh: nothing is due");
        Fixtures.ok(admin.post("/api/v1/fleet/hosts/" + hostId + "/refetch"));
        assertTrue(agent.read().containsKey(Fixtures.queryName(passing)), "a refetch makes the policies due");

        // A body cut short is refused whole: the pass must not turn into a fail.
        String cut = "{\"node_key\": \"" + agent.nodeKey() + "\", \"queries\": {\"" + Fixtures.queryName(passing)
                + "\": []}, \"statuses\": {\"" + Fixtures.queryName(passing) + "\": 0}";
        assertEquals(400, agent.postRaw("/api/osquery/distributed/write", cut).status());
        assertEquals(400, agent.postRaw("/api/osquery/distributed/read", "not json").status());
        assertEquals("pass", responses(admin, hostId).get(passing.getJsonNumber("id").longValue()));
    }

    @Test
    void oversizedBodiesAreRefusedBeforeAnyWork(PortcullisServer server) {
        String huge = "{\"node_key\": \"" + "k".repeat(3 * 1024 * 1024) + "\"}";
        assertEquals(413, server.api().post("/api/osquery/distributed/read", huge).status());
    }

    @Test
    void unknownNodeKeysAreTold(PortcullisServer server) {
        Api api = server.api();
        for (String path : new String[] {"config", "distributed/read", "distributed/write"}) {
            assertNodeInvalid(api.post("/api/osquery/" + path, "{\"node_key\": \"no-such-key\"}"));
            assertNodeInvalid(api.post("/api/osquery/" + path, "{}"));
        }
    }

    @Test
    void deletingAHostRemovesItAndItsKey(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("delete-me");
        Fixtures.team(admin, secret, false);
        String uuid = Fixtures.unique("delete-uuid");
        Agent agent = new Agent(server, uuid, "gone");
        Fixtures.ok(agent.enroll(secret));
        long hostId = hostByUuid(admin, uuid).getJsonNumber("id").longValue();
        Fixtures.ok(admin.delete("/api/v1/fleet/hosts/" + hostId));
        assertEquals(404, admin.get("/api/v1/fleet/hosts/" + hostId).status());
        assertNodeInvalid(agent.config());
    }

    static void assertNodeInvalid(Api.Response r) {
        assertEquals(401, r.status(), r.toString());
        assertTrue(r.json().getBoolean("node_invalid"), r.toString());
    }

    static JsonObject hostByUuid(Api admin, String uuid) {
        return Fixtures.ok(admin.get("/api/v1/fleet/hosts?per_page=500")).getJsonArray("hosts").stream()
                .map(JsonValue::asJsonObject)
                .filter(h -> h.getString("uuid").equals(uuid.toUpperCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new AssertionError("no host " + uuid));
    }

    static Map<Long, String> responses(Api admin, long hostId) {
        Map<Long, String> out = new HashMap<>();
        Fixtures.ok(admin.get("/api/v1/fleet/hosts/" + hostId)).getJsonObject("host").getJsonArray("policies")
                .forEach(p -> out.put(p.asJsonObject().getJsonNumber("id").longValue(), p.asJsonObject().getString("response")));
        return out;
    }
}
