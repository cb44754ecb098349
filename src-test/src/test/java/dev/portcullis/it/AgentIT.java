package dev.portcullis.it;

import static dev.portcullis.it.Agent.Result.ERROR;
import static dev.portcullis.it.Agent.Result.FAIL;
import static dev.portcullis.it.Agent.Result.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.simulator.HostSimulator;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        JsonObject moved = Fixtures.ok(admin.get("/api/v1/fleet/activities?per_page=100")).getJsonArray("activities").stream()
                .map(JsonValue::asJsonObject).filter(a -> a.getString("type").equals("reenrolled_host_to_other_team"))
                .filter(a -> a.getJsonObject("details").getJsonNumber("host_id").longValue() == hostId).findFirst()
                .orElseThrow(() -> new AssertionError("a move by re-enrollment is in the activity feed"));
        assertEquals(teamId, moved.getJsonObject("details").getJsonNumber("previous_team_id").longValue());
        assertTrue(moved.getJsonObject("details").isNull("team_id"));

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
        Api.Response written = agent.write(results, agent.details());
        assertEquals(200, written.status(), written.toString());
        assertEquals("{}", written.body().strip());

        Map<Long, String> responses = responses(admin, hostId);
        assertEquals("pass", responses.get(passing.getJsonNumber("id").longValue()));
        assertEquals("fail", responses.get(failing.getJsonNumber("id").longValue()));
        assertEquals("", responses.get(erroring.getJsonNumber("id").longValue()));
        assertFalse(responses.containsKey(windows.getJsonNumber("id").longValue()));
        Map<Long, JsonObject> onHost = policiesOnHost(admin, hostId);
        assertEquals("no such table: disk_encryption",
                onHost.get(erroring.getJsonNumber("id").longValue()).getString("error"), "the agent's message is kept");
        assertTrue(onHost.get(passing.getJsonNumber("id").longValue()).isNull("error"));
        JsonObject counted = Fixtures.ok(admin.get("/api/v1/fleet/teams/" + teamId + "/policies/"
                + passing.getJsonNumber("id").longValue())).getJsonObject("policy");
        assertEquals(1, counted.getInt("passing_host_count"));

        assertEquals(0, agent.read().size(), "results are fresh: nothing is due");
        Fixtures.ok(admin.post("/api/v1/fleet/hosts/" + hostId + "/refetch"));
        assertTrue(agent.read().containsKey(Fixtures.queryName(passing)), "a refetch makes the policies due");
        // Results only for policies that are not this host's (unknown, deleted since): the refetch stays open.
        Fixtures.ok(agent.write(Map.of("fleet_policy_query_987654321", PASS)));
        assertTrue(host(admin, hostId).getBoolean("refetch_requested"), "no result of this host's answers no refetch");
        assertTrue(agent.read().containsKey(Fixtures.queryName(passing)), "still due");

        // A body cut short is refused whole: the pass must not turn into a fail.
        String cut = "{\"node_key\": \"" + agent.nodeKey() + "\", \"queries\": {\"" + Fixtures.queryName(passing)
                + "\": []}, \"statuses\": {\"" + Fixtures.queryName(passing) + "\": 0}";
        assertEquals(400, agent.postRaw("/api/osquery/distributed/write", cut).status());
        String textRows = "{\"node_key\": \"" + agent.nodeKey() + "\", \"queries\": {\"" + Fixtures.queryName(failing)
                + "\": \"x\"}, \"statuses\": {\"" + Fixtures.queryName(failing) + "\": 0}}";
        assertEquals(400, agent.postRaw("/api/osquery/distributed/write", textRows).status(), "text is not rows, so not a pass");
        assertEquals("fail", responses(admin, hostId).get(failing.getJsonNumber("id").longValue()));
        assertEquals(400, agent.postRaw("/api/osquery/distributed/read", "not json").status());
        assertEquals("pass", responses(admin, hostId).get(passing.getJsonNumber("id").longValue()));
    }

    @Test
    void detailQueriesKeepTheHostnameAndOsVersionCurrent(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("details");
        Fixtures.team(admin, secret, false);
        String uuid = Fixtures.unique("details-uuid");
        Agent agent = new Agent(server, uuid, "details-mac");
        Fixtures.ok(agent.enroll(secret));
        long hostId = hostByUuid(admin, uuid).getJsonNumber("id").longValue();
        JsonObject enrolled = host(admin, hostId);
        assertTrue(enrolled.isNull("detail_updated_at"), enrolled.toString());

        JsonObject queries = agent.read();
        assertEquals("SELECT hostname, computer_name, hardware_serial, uuid FROM system_info;",
                queries.getString(Agent.SYSTEM_INFO), "handed out at once after enrollment: " + queries);
        assertEquals("SELECT name, version, major, minor, patch, build, platform FROM os_version;",
                queries.getString(Agent.OS_VERSION));
        Fixtures.ok(agent.write(passing(queries), new Agent.Details("details-mac-renamed", "15.1")));
        JsonObject updated = host(admin, hostId);
        assertEquals("details-mac-renamed", updated.getString("hostname"));
        assertEquals("macOS 15.1", updated.getString("os_version"));
        assertEquals("darwin", updated.getString("platform"));
        Instant detailsAt = Instant.parse(updated.getString("detail_updated_at"));
        assertTrue(detailsAt.isAfter(Instant.parse(enrolled.getString("seen_time"))));
        assertFalse(Instant.parse(updated.getString("seen_time")).isBefore(detailsAt), "the write counts as seen");
        assertFalse(updated.getBoolean("refetch_requested"), "the enrollment's first run is answered");

        JsonObject again = agent.read();
        assertFalse(again.containsKey(Agent.SYSTEM_INFO) || again.containsKey(Agent.OS_VERSION),
                "fresh details are not asked for before the interval: " + again);

        Fixtures.ok(admin.post("/api/v1/fleet/hosts/" + hostId + "/refetch"));
        JsonObject refetch = agent.read();
        assertTrue(refetch.containsKey(Agent.SYSTEM_INFO) && refetch.containsKey(Agent.OS_VERSION),
                "a refetch asks for fresh details too: " + refetch);

        // Errors (osquery's shape: no rows, status 1, a message) change nothing, and the details stay due.
        Map<String, Agent.Result> errors = new LinkedHashMap<>();
        errors.put(Agent.SYSTEM_INFO, ERROR);
        errors.put(Agent.OS_VERSION, ERROR);
        errors.put("fleet_detail_query_uptime", PASS);
        Fixtures.ok(agent.write(errors));
        JsonObject afterErrors = host(admin, hostId);
        assertEquals("details-mac-renamed", afterErrors.getString("hostname"));
        assertEquals("macOS 15.1", afterErrors.getString("os_version"));
        assertEquals("darwin", afterErrors.getString("platform"));
        assertEquals(detailsAt, Instant.parse(afterErrors.getString("detail_updated_at")));
        assertTrue(afterErrors.getBoolean("refetch_requested"), "errors answer no refetch");
        assertTrue(logShows(server, "host " + hostId + ": ignored a result for fleet_detail_query_uptime"),
                "an unknown detail query is ignored and logged");

        refetch = agent.read();
        assertTrue(refetch.containsKey(Agent.SYSTEM_INFO), "still due: " + refetch);
        Fixtures.ok(agent.write(passing(refetch), new Agent.Details("h".repeat(300), "15.2")));
        JsonObject refetched = host(admin, hostId);
        assertEquals("h".repeat(255), refetched.getString("hostname"), "cut like enrollment cuts it");
        assertEquals("macOS 15.2", refetched.getString("os_version"));
        assertFalse(refetched.getBoolean("refetch_requested"));
        assertTrue(Instant.parse(refetched.getString("detail_updated_at")).isAfter(detailsAt));
    }

    @Test
    void oversizedBodiesAreRefusedBeforeAnyWork(PortcullisServer server) {
        String huge = "{\"node_key\": \"" + "k".repeat(3 * 1024 * 1024) + "\"}";
        assertEquals(413, server.api().post("/api/osquery/distributed/read", huge).status());
    }

    @Test
    void unknownNodeKeysAreTold(PortcullisServer server) {
        Api api = server.api();
        for (String path : new String[] {"config", "distributed/read", "distributed/write", "log"}) {
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

        JsonObject deleted = Fixtures.ok(admin.get("/api/v1/fleet/activities?per_page=100")).getJsonArray("activities")
                .stream().map(JsonValue::asJsonObject).filter(a -> a.getString("type").equals("deleted_host"))
                .filter(a -> a.getJsonObject("details").getJsonNumber("host_id").longValue() == hostId)
                .findFirst().orElseThrow(() -> new AssertionError("no deleted_host activity for host " + hostId));
        assertEquals(PortcullisServer.ADMIN_EMAIL, deleted.getString("actor_email"));
        assertEquals(uuid.toUpperCase(Locale.ROOT),
                deleted.getJsonObject("details").getString("host_hardware_uuid").toUpperCase(Locale.ROOT));
        assertEquals("gone", deleted.getJsonObject("details").getString("host_display_name"));
    }

    @Test
    void statusAndResultLogsAreAcceptedAndNotKept(PortcullisServer server) {
        Agent agent = enrolledInANewTeam(server, "logs", "logs-mac");

        JsonArray status = Json.createArrayBuilder().add(Json.createObjectBuilder().add("hostIdentifier", agent.hardwareUuid())
                .add("calendarTime", "Thu Dec  3 18:40:00 2026 UTC").add("unixTime", "1796323200").add("severity", "0")
                .add("filename", "scheduler.cpp").add("line", "83").add("message", "Executing scheduled query pack")
                .add("version", "5.12.1").add("decorations", Json.createObjectBuilder().add("host_uuid", agent.hardwareUuid())))
                .build();
        Api.Response r = agent.log("status", status);
        assertEquals(200, r.status(), r.toString());
        assertEquals("{}", r.body().strip());
        JsonArray results = Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "pack/uptime")
                .add("hostIdentifier", agent.hardwareUuid()).add("calendarTime", "Thu Dec  3 18:40:00 2026 UTC")
                .add("unixTime", 1796323200).add("epoch", 0).add("counter", 0).add("numerics", false)
                .add("columns", Json.createObjectBuilder().add("total_seconds", "1234")).add("action", "added"))
                .build();
        r = agent.log("result", results);
        assertEquals(200, r.status(), r.toString());
        assertEquals("{}", r.body().strip());
        assertEquals(200, agent.log("result", JsonValue.EMPTY_JSON_ARRAY).status());

        assertNodeInvalid(new Agent(server, "nobody", "x").log("status", status));
        assertEquals(400, agent.log("debug", status).status(), "osquery sends only status and result logs");
        assertEquals(400, agent.postRaw("/api/osquery/log", "{\"node_key\": \"" + agent.nodeKey()
                + "\", \"log_type\": \"status\", \"data\": \"not an array\"}").status());
        assertEquals(400, agent.postRaw("/api/osquery/log", "{\"node_key\": \"" + agent.nodeKey()
                + "\", \"log_type\": \"status\", \"data\": [").status(), "a body cut short");

        // Over the reader's cap: refused before it is parsed, so the node key is never looked at.
        String huge = "{\"node_key\": \"" + agent.nodeKey() + "\", \"log_type\": \"result\", \"data\": [\""
                + "x".repeat(3 * 1024 * 1024) + "\"]}";
        assertEquals(413, agent.postRaw("/api/osquery/log", huge).status());
        assertEquals(200, agent.config().status(), "the host's key still works");
        assertFalse(server.logTail().contains("Executing scheduled query pack"), "log contents are never logged");
    }

    @Test
    void resultsForAnotherTeamsPolicyAreIgnored(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("mine");
        long teamId = Fixtures.team(admin, secret, false).getJsonNumber("id").longValue();
        long otherTeamId = Fixtures.team(admin, Fixtures.unique("theirs"), false).getJsonNumber("id").longValue();
        JsonObject mine = Fixtures.policy(admin, teamId, "Mine", false, false);
        JsonObject theirs = Fixtures.policy(admin, otherTeamId, "Theirs", false, false);
        String uuid = Fixtures.unique("ignored-uuid");
        Agent agent = new Agent(server, uuid, "ignored-mac");
        Fixtures.ok(agent.enroll(secret));
        long hostId = hostByUuid(admin, uuid).getJsonNumber("id").longValue();

        Map<String, Agent.Result> results = new LinkedHashMap<>();
        results.put(Fixtures.queryName(mine), PASS);
        results.put(Fixtures.queryName(theirs), FAIL);
        Api.Response written = agent.write(results);
        assertEquals(200, written.status(), written.toString());

        Map<Long, String> responses = responses(admin, hostId);
        assertEquals("pass", responses.get(mine.getJsonNumber("id").longValue()));
        assertFalse(responses.containsKey(theirs.getJsonNumber("id").longValue()), "not this host's policy");
        JsonObject counted = Fixtures.ok(admin.get("/api/v1/fleet/teams/" + otherTeamId + "/policies/"
                + theirs.getJsonNumber("id").longValue())).getJsonObject("policy");
        assertEquals(0, counted.getInt("failing_host_count"));
        String expected = "host " + hostId + ": ignored a result for " + Fixtures.queryName(theirs);
        assertTrue(logShows(server, expected), "logged at INFO with the host id and the name: " + expected);
    }

    @Test
    void anErrorMessageIsKeptTruncatedAndClearedByACleanRun(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("errors");
        long teamId = Fixtures.team(admin, secret, false).getJsonNumber("id").longValue();
        JsonObject policy = Fixtures.policy(admin, teamId, "Errors at length", false, false);
        long policyId = policy.getJsonNumber("id").longValue();
        String name = Fixtures.queryName(policy);
        String uuid = Fixtures.unique("errors-uuid");
        Agent agent = new Agent(server, uuid, "errors-mac");
        Fixtures.ok(agent.enroll(secret));
        long hostId = hostByUuid(admin, uuid).getJsonNumber("id").longValue();

        String message = "no such table: " + "t".repeat(1200);
        Api.Response r = agent.postRaw("/api/osquery/distributed/write", Json.createObjectBuilder()
                .add("node_key", agent.nodeKey())
                .add("queries", Json.createObjectBuilder().add(name, JsonValue.EMPTY_JSON_ARRAY))
                .add("statuses", Json.createObjectBuilder().add(name, 1))
                .add("messages", Json.createObjectBuilder().add(name, message)).build().toString());
        assertEquals(200, r.status(), r.toString());
        JsonObject onHost = policiesOnHost(admin, hostId).get(policyId);
        assertEquals("", onHost.getString("response"));
        assertEquals(message.substring(0, 1000), onHost.getString("error"));

        agent.write(Map.of(name, PASS));
        onHost = policiesOnHost(admin, hostId).get(policyId);
        assertEquals("pass", onHost.getString("response"));
        assertTrue(onHost.isNull("error"), "a clean run clears the message");
    }

    @Test
    void enrollingAgainWithinTheCooldownIsRefusedAndChangesNothing(PortcullisServer server) {
        // The server runs with the default cooldown of 10 seconds.
        Api admin = server.admin();
        String secret = Fixtures.unique("storm");
        Fixtures.team(admin, secret, false);
        String uuid = Fixtures.unique("storm-uuid");
        Agent agent = new Agent(server, uuid, "storm-mac");
        String first = Fixtures.ok(agent.enroll(secret)).getString("node_key");
        // Whoever sends it (a retry, or someone who knows the UUID and the secret), the key in use is not handed out.
        Api.Response retry = new Agent(server, uuid, "someone-else").enroll(secret);
        assertNodeInvalid(retry);
        assertFalse(retry.body().contains(first), "the current key is never handed out");
        assertEquals(200, agent.config().status(), "the first key still works");
        JsonObject host = hostByUuid(admin, uuid);
        assertEquals("storm-mac", host.getString("hostname"), "a refused enrollment changes nothing");
        assertEquals(1, Fixtures.ok(admin.get("/api/v1/fleet/hosts?per_page=500")).getJsonArray("hosts").stream()
                .filter(h -> h.asJsonObject().getString("uuid").equals(uuid.toUpperCase(Locale.ROOT))).count());
    }

    @Test
    void aTransferredHostRunsItsNewTeamsPoliciesAtOnce(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("moving");
        Fixtures.team(admin, secret, false);
        long target = Fixtures.team(admin, Fixtures.unique("target"), true).getJsonNumber("id").longValue();
        JsonObject gate = Fixtures.policy(admin, target, Fixtures.unique("Gate"), false, true);
        Agent agent = new Agent(server, Fixtures.unique("moving-uuid"), "moving-mac");
        Fixtures.ok(agent.enroll(secret));
        Fixtures.ok(agent.write(passing(agent.read()), agent.details()));
        long hostId = hostByUuid(admin, agent.hardwareUuid()).getJsonNumber("id").longValue();
        assertFalse(host(admin, hostId).getBoolean("refetch_requested"));

        Fixtures.ok(admin.post("/api/v1/fleet/hosts/transfer", "{\"team_id\": " + target + ", \"hosts\": [" + hostId + "]}"));
        assertTrue(host(admin, hostId).getBoolean("refetch_requested"), "moved: its new policies have no results yet");
        assertTrue(agent.read().containsKey(Fixtures.queryName(gate)), "handed out at the next read, not in an hour");
    }

    @Test
    void compressedLogBodiesAreReadWithinTheSameLimit(PortcullisServer server) throws Exception {
        // osquery --logger_tls_compress sends log bodies gzipped, with Content-Encoding: gzip.
        Agent agent = enrolledInANewTeam(server, "gzip", "gzip-mac");
        String body = "{\"node_key\": \"" + agent.nodeKey() + "\", \"log_type\": \"status\", \"data\": [{\"line\": 1}]}";

        java.net.http.HttpResponse<String> ok = postEncoded(server, gzip(body.getBytes(StandardCharsets.UTF_8)), "gzip");
        assertEquals(200, ok.statusCode(), ok.body());
        // A small body that inflates past the size limit is refused like any oversized body.
        byte[] bomb = gzip(("{\"node_key\": \"" + agent.nodeKey() + "\", \"pad\": \"" + " ".repeat(5 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(bomb.length < 64 * 1024, "the bomb is small on the wire: " + bomb.length);
        assertEquals(413, postEncoded(server, bomb, "gzip").statusCode());
        java.net.http.HttpResponse<String> notGzip = postEncoded(server, body.getBytes(StandardCharsets.UTF_8), "gzip");
        assertEquals(400, notGzip.statusCode());
        assertFalse(notGzip.body().contains("Exception"), notGzip.body());
        assertEquals(415, postEncoded(server, body.getBytes(StandardCharsets.UTF_8), "br").statusCode());
    }

    private static byte[] gzip(byte[] plain) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    private static java.net.http.HttpResponse<String> postEncoded(PortcullisServer server, byte[] body, String encoding)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/osquery/log"))
                .header("Content-Type", "application/json").header("Content-Encoding", encoding)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void agentTextThatDisguisesItselfIsCleaned(PortcullisServer server) {
        Api admin = server.admin();
        Agent agent = enrolledInANewTeam(server, "disguise", "plain\u202Eevil\u0000\u001b[31m");
        assertEquals("plainevil[31m", hostByUuid(admin, agent.hardwareUuid()).getString("hostname"));
    }

    @Test
    void concurrentWritesForOneHostAllSucceedAndTheLastIsKeptWhole(PortcullisServer server) throws Exception {
        Api admin = server.admin();
        String secret = Fixtures.unique("concurrent");
        long teamId = Fixtures.team(admin, secret, false).getJsonNumber("id").longValue();
        List<JsonObject> policies = List.of(Fixtures.policy(admin, teamId, "Concurrent A", false, false),
                Fixtures.policy(admin, teamId, "Concurrent B", false, false),
                Fixtures.policy(admin, teamId, "Concurrent C", false, false));
        String uuid = Fixtures.unique("concurrent-uuid");
        Agent agent = new Agent(server, uuid, "concurrent-mac");
        Fixtures.ok(agent.enroll(secret));
        long hostId = hostByUuid(admin, uuid).getJsonNumber("id").longValue();

        int writers = 10;
        List<Map<Long, String>> submitted = new ArrayList<>();
        List<Map<String, Agent.Result>> bodies = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Map<Long, String> expected = new HashMap<>();
            Map<String, Agent.Result> body = new LinkedHashMap<>();
            for (int p = 0; p < policies.size(); p++) {
                // Writer w's mix: bit p of w (mod 8) says whether policy p passes.
                boolean passes = ((w % 8) >> p & 1) == 1;
                body.put(Fixtures.queryName(policies.get(p)), passes ? PASS : FAIL);
                expected.put(policies.get(p).getJsonNumber("id").longValue(), passes ? "pass" : "fail");
            }
            submitted.add(expected);
            bodies.add(body);
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            // Several rounds: one round of ten requests may happen not to overlap much.
            for (int round = 0; round < 5; round++) {
                writeAtOnce(pool, agent, bodies);
                Map<Long, String> stored = new HashMap<>(responses(admin, hostId));
                stored.keySet().retainAll(submitted.get(0).keySet()); // global policies from other tests apply too
                assertTrue(submitted.contains(stored), "the results of exactly one write, not a mix: " + stored);
            }
        } finally {
            pool.shutdownNow();
        }
    }


    private static void writeAtOnce(ExecutorService pool, Agent agent, List<Map<String, Agent.Result>> bodies)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (Map<String, Agent.Result> body : bodies) {
            answers.add(pool.submit(() -> {
                start.await();
                return agent.write(body);
            }));
        }
        start.countDown();
        for (Future<Api.Response> answer : answers) {
            Api.Response r = answer.get(60, TimeUnit.SECONDS);
            assertEquals(200, r.status(), "every concurrent write succeeds: " + r);
        }
    }

    @Test
    void theHostSimulatorEnrollsItsHostsAndWritesTheirResults(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("simulated");
        long teamId = Fixtures.team(admin, secret, false).getJsonNumber("id").longValue();
        List<JsonObject> policies = List.of(Fixtures.policy(admin, teamId, "Simulated A", false, false),
                Fixtures.policy(admin, teamId, "Simulated B", false, false));
        String prefix = Fixtures.unique("sim");
        HostSimulator sim = new HostSimulator(server.api(), secret, 3, 0.5, prefix);
        assertEquals(3, sim.enrollAll());
        HostSimulator.Round round = sim.round(1);
        assertEquals(0, round.errors(), round.toString());
        assertTrue(round.resultsWritten() >= 3 * policies.size(), round.toString());

        for (int i = 0; i < 3; i++) {
            long hostId = hostByUuid(admin, HostSimulator.hardwareUuid(prefix, i)).getJsonNumber("id").longValue();
            Map<Long, String> responses = responses(admin, hostId);
            for (JsonObject policy : policies) {
                String expected = sim.fails(i, Fixtures.queryName(policy)) ? "fail" : "pass";
                assertEquals(expected, responses.get(policy.getJsonNumber("id").longValue()), "host " + i);
            }
            JsonObject host = host(admin, hostId);
            assertFalse(host.isNull("detail_updated_at"), "the detail queries are answered: host " + i);
            assertEquals(prefix + "-host-" + i, host.getString("hostname"));
            assertEquals("macOS 14.5", host.getString("os_version"));
        }
    }

    /** The server's output reaches its log file through a pipe: give it a moment. */
    static boolean logShows(PortcullisServer server, String text) {
        for (int i = 0; i < 20; i++) {
            if (server.logTail(400).contains(text)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
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

    /** An agent enrolled with the secret of a team made for it; its hardware UUID is new. */
    private static Agent enrolledInANewTeam(PortcullisServer server, String name, String hostname) {
        String secret = Fixtures.unique(name);
        Fixtures.team(server.admin(), secret, false);
        Agent agent = new Agent(server, Fixtures.unique(name + "-uuid"), hostname);
        Fixtures.ok(agent.enroll(secret));
        return agent;
    }

    static JsonObject host(Api admin, long hostId) {
        return Fixtures.ok(admin.get("/api/v1/fleet/hosts/" + hostId)).getJsonObject("host");
    }

    /** Every policy query handed out passes: global policies from other tests may be among them. */
    static Map<String, Agent.Result> passing(JsonObject queries) {
        Map<String, Agent.Result> results = new LinkedHashMap<>();
        queries.keySet().stream().filter(name -> name.startsWith("fleet_policy_query_")).forEach(name -> results.put(name, PASS));
        return results;
    }

    static Map<Long, JsonObject> policiesOnHost(Api admin, long hostId) {
        Map<Long, JsonObject> out = new HashMap<>();
        Fixtures.ok(admin.get("/api/v1/fleet/hosts/" + hostId)).getJsonObject("host").getJsonArray("policies")
                .forEach(p -> out.put(p.asJsonObject().getJsonNumber("id").longValue(), p.asJsonObject()));
        return out;
    }

    static Map<Long, String> responses(Api admin, long hostId) {
        Map<Long, String> out = new HashMap<>();
        Fixtures.ok(admin.get("/api/v1/fleet/hosts/" + hostId)).getJsonObject("host").getJsonArray("policies")
                .forEach(p -> out.put(p.asJsonObject().getJsonNumber("id").longValue(), p.asJsonObject().getString("response")));
        return out;
    }
}
