package dev.portcullis.it;

import static dev.portcullis.it.Agent.Result.FAIL;
import static dev.portcullis.it.Agent.Result.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.it.peers.ScepDevice;
import jakarta.json.JsonObject;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fleet's host list and count with their filters, paging and ordering, and the host details. */
class HostsIT {

    private static PortcullisServer server;
    private static Api admin;
    private static String prefix;
    private static long teamA;
    private static long teamB;
    private static JsonObject policy;
    private static final Map<String, Agent> AGENTS = new java.util.LinkedHashMap<>();

    /** Four hosts named prefix-alpha..delta: alpha passes the policy, bravo fails it, charlie has no result. */
    @BeforeAll
    static void enrollHosts() {
        server = PortcullisServer.shared();
        admin = server.admin();
        prefix = Fixtures.unique("hl");
        String secretA = Fixtures.unique("hosts-a");
        String secretB = Fixtures.unique("hosts-b");
        teamA = Fixtures.team(admin, secretA, false).getJsonNumber("id").longValue();
        teamB = Fixtures.team(admin, secretB, false).getJsonNumber("id").longValue();
        policy = Fixtures.policy(admin, teamA, "Filter me", false, false);
        for (String name : List.of("charlie", "alpha", "delta", "bravo")) {
            Agent agent = new Agent(server, UUID.randomUUID().toString().toUpperCase(), prefix + "-" + name);
            Fixtures.ok(agent.enroll(name.equals("delta") ? secretB : secretA));
            AGENTS.put(name, agent);
        }
        AGENTS.get("alpha").read();
        Fixtures.ok(AGENTS.get("alpha").write(Map.of(Fixtures.queryName(policy), PASS)));
        Fixtures.ok(AGENTS.get("bravo").write(Map.of(Fixtures.queryName(policy), FAIL)));
    }

    private static List<String> names(String query) {
        Api.Response r = admin.get("/api/v1/fleet/hosts?" + query);
        List<String> names = new ArrayList<>();
        Fixtures.ok(r).getJsonArray("hosts").forEach(h -> names.add(
                h.asJsonObject().getString("hostname").substring(prefix.length() + 1)));
        return names;
    }

    private static long count(String query) {
        return Fixtures.ok(admin.get("/api/v1/fleet/hosts/count?" + query)).getJsonNumber("count").longValue();
    }

    @Test
    void queryMatchesHostnameOrHardwareUuidAndCountAgrees() {
        assertEquals(List.of("alpha", "bravo", "charlie", "delta"), names("query=" + prefix + "&order_key=hostname"));
        assertEquals(4, count("query=" + prefix.toUpperCase()));
        String uuid = AGENTS.get("charlie").hardwareUuid();
        assertEquals(List.of("charlie"), names("query=" + uuid.substring(4, 18).toLowerCase()));
        assertEquals(0, count("query=" + prefix + "%25"), "a % in the query is a literal, not a wildcard");
        assertEquals(0, count("query=" + prefix.replace('-', '_')), "an _ in the query is a literal too");
    }

    @Test
    void teamFilterIncludingNoTeam() {
        assertEquals(List.of("alpha", "bravo", "charlie"), names("team_id=" + teamA + "&query=" + prefix + "&order_key=hostname"));
        assertEquals(List.of("delta"), names("team_id=" + teamB + "&query=" + prefix));
        assertEquals(3, count("team_id=" + teamA + "&query=" + prefix));
        assertEquals(0, count("team_id=0&query=" + prefix), "team 0 means hosts in no team");
    }

    @Test
    void policyResponseFilter() {
        long id = policy.getJsonNumber("id").longValue();
        assertEquals(List.of("alpha"), names("policy_id=" + id + "&policy_response=passing"));
        assertEquals(List.of("bravo"), names("policy_id=" + id + "&policy_response=failing"));
        assertEquals(1, count("policy_id=" + id + "&policy_response=FAILING"));
        assertEquals(2, count("policy_id=" + id), "policy_id alone: hosts with a result");
        // With a text filter too, as the console's hosts list combines them.
        assertEquals(List.of("bravo"), names("policy_id=" + id + "&policy_response=failing&query=" + prefix));
        assertEquals(1, count("policy_id=" + id + "&policy_response=passing&query=" + prefix));
    }

    @Test
    void pagingAndOrdering() {
        String base = "query=" + prefix + "&order_key=hostname&per_page=2";
        assertEquals(List.of("alpha", "bravo"), names(base + "&page=0"));
        assertEquals(List.of("charlie", "delta"), names(base + "&page=1"));
        assertEquals(List.of(), names(base + "&page=2"));
        assertEquals(List.of("delta", "charlie", "bravo", "alpha"),
                names("query=" + prefix + "&order_key=hostname&order_direction=desc"));
        assertEquals(List.of("charlie", "alpha", "delta", "bravo"), names("query=" + prefix + "&order_key=id"),
                "ids follow enrollment order");
        assertEquals(List.of("charlie", "alpha", "delta", "bravo"), names("query=" + prefix + "&order_key=created_at"));
        List<String> bySeen = new ArrayList<>();
        Fixtures.ok(admin.get("/api/v1/fleet/hosts?query=" + prefix + "&order_key=seen_time&order_direction=desc"))
                .getJsonArray("hosts").forEach(h -> bySeen.add(h.asJsonObject().getString("seen_time")));
        List<String> sorted = new ArrayList<>(bySeen);
        sorted.sort(java.util.Comparator.comparing(java.time.Instant::parse).reversed());
        assertEquals(sorted, bySeen);
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        for (String query : List.of("team_id=abc", "page=x", "per_page=1.5", "order_key=nope",
                "order_direction=sideways", "policy_id=1&policy_response=maybe")) {
            Api.Response r = admin.get("/api/v1/fleet/hosts?" + query);
            assertEquals(400, r.status(), query + " -> " + r);
        }
        for (String query : List.of("per_page=501", "per_page=0", "page=-1", "policy_response=passing",
                "query=" + "x".repeat(256))) {
            Api.Response r = admin.get("/api/v1/fleet/hosts?" + query);
            assertEquals(422, r.status(), query + " -> " + r);
        }
        assertEquals(200, admin.get("/api/v1/fleet/hosts?per_page=500").status());
        assertEquals(400, admin.get("/api/v1/fleet/hosts/count?team_id=abc").status());
        assertEquals(404, admin.get("/api/v1/fleet/hosts?team_id=999999").status());
        assertEquals(404, admin.get("/api/v1/fleet/hosts/count?policy_id=999999").status());
        assertEquals(404, admin.get("/api/v1/fleet/hosts/999999").status());
        assertEquals(401, server.api().get("/api/v1/fleet/hosts/count").status());
    }

    @Test
    void policyCountsFollowResultsAndDeletingThePolicyDropsThem() {
        String secret = Fixtures.unique("counts");
        long team = Fixtures.team(admin, secret, false).getJsonNumber("id").longValue();
        JsonObject counted = Fixtures.policy(admin, team, "Counted", true, true);
        long id = counted.getJsonNumber("id").longValue();
        List<Agent.Result> results = List.of(PASS, PASS, FAIL, Agent.Result.ERROR);
        for (Agent.Result result : results) {
            Agent agent = new Agent(server, UUID.randomUUID().toString(), Fixtures.unique("count"));
            Fixtures.ok(agent.enroll(secret));
            Fixtures.ok(agent.write(Map.of(Fixtures.queryName(counted), result)));
        }
        JsonObject listed = Fixtures.ok(admin.get("/api/v1/fleet/teams/" + team + "/policies"))
                .getJsonArray("policies").getJsonObject(0);
        assertEquals(2, listed.getInt("passing_host_count"));
        assertEquals(1, listed.getInt("failing_host_count"), "an errored query is neither passing nor failing");
        assertTrue(listed.getBoolean("critical"));
        assertTrue(listed.getBoolean("conditional_access_enabled"));
        assertEquals("darwin", listed.getString("platform"));
        assertEquals("Turn on FileVault in System Settings.", listed.getString("resolution"));
        assertEquals(3, count("policy_id=" + id));

        Fixtures.ok(admin.post("/api/v1/fleet/teams/" + team + "/policies/delete", "{\"ids\": [%d]}".formatted(id)));
        assertEquals(404, admin.get("/api/v1/fleet/hosts/count?policy_id=" + id).status());
        JsonObject again = Fixtures.policy(admin, team, "Counted", false, false);
        JsonObject fresh = Fixtures.ok(admin.get("/api/v1/fleet/teams/" + team + "/policies/"
                + again.getJsonNumber("id").longValue())).getJsonObject("policy");
        assertEquals(0, fresh.getInt("passing_host_count") + fresh.getInt("failing_host_count"));
    }

    @Test
    void hostDetailsListItsCertificatesWithStatus() throws Exception {
        String secret = Fixtures.unique("certs");
        Fixtures.team(admin, secret, true);
        String uuid = UUID.randomUUID().toString().toUpperCase();
        Fixtures.ok(new Agent(server, uuid, "cert-mac").enroll(secret));
        ScepDevice device = new ScepDevice();
        assertTrue(device.enroll(server.baseUrl() + "/api/fleet/conditional_access/scep", device.csr(uuid, secret)).isSuccess());
        X509Certificate issued = device.issued();

        JsonObject host = Fixtures.ok(admin.get("/api/v1/fleet/hosts/identifier/" + uuid)).getJsonObject("host");
        var certificates = host.getJsonArray("conditional_access_certificates");
        assertEquals(1, certificates.size(), host.toString());
        JsonObject certificate = certificates.getJsonObject(0);
        assertEquals(issued.getSerialNumber().toString(16), certificate.getString("serial"));
        assertEquals("valid", certificate.getString("status"));
        assertEquals(issued.getNotAfter().toInstant(), java.time.Instant.parse(certificate.getString("not_valid_after")));
        assertEquals(issued.getNotBefore().toInstant(), java.time.Instant.parse(certificate.getString("not_valid_before")));
        assertEquals(List.of(), host.getJsonArray("sign_ins"));
    }
}
