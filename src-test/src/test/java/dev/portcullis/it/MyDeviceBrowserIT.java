package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.it.peers.Browser;
import dev.portcullis.it.peers.BrowserScript;
import dev.portcullis.it.peers.OktaSp;
import dev.portcullis.it.peers.ScepDevice;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end user's My device page in a real browser (Debian chromium, see {@link BrowserScript}):
 * arriving from a blocked Okta sign-in, taking a one-time bypass, being refused one with the
 * reason, and waiting for a refetch's results from the agent. Fixtures are made through the REST
 * and agent APIs, the sign-in through WildFly's own mTLS listener with a SCEP-issued certificate
 * and a pysaml2 AuthnRequest, and the server's state is checked through the API afterwards.
 * Screenshots land in {@code target/screenshots/<spec>/}.
 */
class MyDeviceBrowserIT {

    static final String AUDIENCE = "https://www.okta.com/saml2/service-provider/spmydevice";
    static final String ACS = "https://portcullis-test.okta.com/sso/saml2/0oamydevice";
    static final String SSO_PATH = "/api/fleet/conditional_access/idp/sso";
    static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(4);

    static PortcullisServer server;
    static OktaSp okta;

    @BeforeAll
    static void connectOkta() throws Exception {
        server = PortcullisServer.shared();
        okta = Fixtures.connectOkta(server, "my-device", "0oamydevice", AUDIENCE, ACS);
    }

    /** A Mac in a team with conditional access on: its agent, host id, and the browser holding its certificate. */
    record Mac(Agent agent, long hostId, String hostname, Browser browser) {
    }

    static Mac enrolledMac(String secret, String hostname) throws Exception {
        String uuid = UUID.randomUUID().toString().toUpperCase();
        Agent agent = new Agent(server, uuid, hostname);
        Fixtures.ok(agent.enroll(secret));
        long hostId = Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/identifier/" + uuid))
                .getJsonObject("host").getJsonNumber("id").longValue();
        ScepDevice device = new ScepDevice();
        assertTrue(device.enroll(server.baseUrl() + "/api/fleet/conditional_access/scep", device.csr(uuid, secret)).isSuccess());
        return new Mac(agent, hostId, hostname, Browser.trustingAnyServer(device.privateKey(), device.issued()));
    }

    /** A policy with its own description and resolution, as an administrator would write them. */
    static JsonObject policy(long teamId, String name, boolean critical, boolean gating, String description, String resolution) {
        return Fixtures.ok(server.admin().post("/api/v1/fleet/teams/" + teamId + "/policies", Json.createObjectBuilder()
                .add("name", name).add("query", "SELECT 1 FROM disk_encryption WHERE encrypted = 1;")
                .add("description", description).add("resolution", resolution).add("platform", "darwin")
                .add("critical", critical).add("conditional_access_enabled", gating).build().toString()))
                .getJsonObject("policy");
    }

    static void report(Agent agent, Map<String, Agent.Result> results) {
        agent.read();
        Fixtures.ok(agent.write(results, agent.details()));
    }

    /** Okta sends the user to the SSO URL; WildFly's mTLS listener asks for the Mac's certificate. */
    static HttpResponse<String> signIn(Mac mac) throws Exception {
        int mtlsPort = 8444 + server.httpsPort() - 8443;
        OktaSp.AuthnRequest request = okta.authn("post", "relay-" + UUID.randomUUID(), "alice@example.com");
        return mac.browser().postForm("https://localhost:" + mtlsPort + SSO_PATH, request.samlRequest(), request.relayState());
    }

    static JsonObject host(long hostId) {
        return Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/" + hostId)).getJsonObject("host");
    }

    static String deviceToken(long hostId) {
        return Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/" + hostId + "/device_url")).getString("device_token");
    }

    static void runSpec(String spec, JsonObject scenario) throws Exception {
        BrowserScript.Result run = BrowserScript.run(spec, server.baseUrl(), scenario.toString(), SCRIPT_TIMEOUT);
        assertEquals(0, run.exitCode(), spec + " failed:\n" + run.output() + "\nserver log:\n" + server.logTail(30));
    }

    @Test
    void aBlockedUserArrivesFromSignInAndTakesAOneTimeBypass() throws Exception {
        String secret = Fixtures.unique("my-device");
        long team = Fixtures.team(server.admin(), secret, true).getJsonNumber("id").longValue();
        JsonObject fileVault = policy(team, Fixtures.unique("FileVault on"), false, true,
                "FileVault encrypts the data on this Mac.",
                "Open System Settings > Privacy & Security > FileVault.\nClick Turn On and follow the steps.");
        JsonObject firewall = policy(team, Fixtures.unique("Firewall on"), false, true,
                "The firewall blocks unwanted connections.", "Turn on the firewall in System Settings > Network.");
        JsonObject screenLock = policy(team, "Screen locks in <5 min> & \"asks\" for a password", false, false,
                "A locked screen keeps others out.", "Set Lock Screen to 5 minutes or less.");
        Mac mac = enrolledMac(secret, Fixtures.unique("alices-macbook"));
        report(mac.agent(), Map.of(Fixtures.queryName(fileVault), Agent.Result.FAIL,
                Fixtures.queryName(firewall), Agent.Result.PASS, Fixtures.queryName(screenLock), Agent.Result.FAIL));

        HttpResponse<String> blocked = signIn(mac);
        assertEquals(303, blocked.statusCode(), blocked.body());
        String location = blocked.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("https://portcullis\\.test:\\d+/device/[A-Za-z0-9_-]+/policies"), location);
        String arrival = location.substring(location.indexOf("/device/"));
        String token = arrival.substring("/device/".length(), arrival.lastIndexOf("/policies"));

        runSpec("my-device-blocked", Json.createObjectBuilder().add("arrivalPath", arrival)
                .add("deviceName", mac.hostname()).add("failingPolicy", fileVault.getString("name"))
                .add("passingPolicy", firewall.getString("name")).add("ungatedPolicy", screenLock.getString("name"))
                .add("resolutionLine", "Click Turn On and follow the steps.").build());

        JsonObject after = host(mac.hostId());
        assertTrue(after.getBoolean("bypass_pending"), "the page recorded the bypass: " + after);
        assertTrue(Fixtures.ok(server.admin().get("/api/v1/fleet/activities?per_page=50")).getJsonArray("activities")
                .stream().map(JsonValue::asJsonObject).anyMatch(a -> a.getString("type").equals("requested_conditional_access_bypass")
                        && a.getJsonObject("details").getJsonNumber("host_id").longValue() == mac.hostId()),
                "the bypass is in the activity feed");
        // The bypass lets exactly the next sign-in through.
        HttpResponse<String> allowed = signIn(mac);
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals(ACS, Browser.formAction(allowed.body()));
        assertFalse(host(mac.hostId()).getBoolean("bypass_pending"), "the sign-in consumed it");
        assertEquals(303, signIn(mac).statusCode(), "blocked again after the one sign-in");
        assertFalse(Files.readString(server.logFile()).contains(token), "the device token is never logged");
    }

    @Test
    void aCriticalFailureOrDisabledBypassOffersNoResolveLaterAndSaysWhy() throws Exception {
        String secret = Fixtures.unique("my-device-critical");
        long team = Fixtures.team(server.admin(), secret, true).getJsonNumber("id").longValue();
        JsonObject os = policy(team, Fixtures.unique("macOS up to date"), true, true,
                "This Mac runs a supported version of macOS.", "Open System Settings > General > Software Update and install the update.");
        JsonObject fileVault = policy(team, Fixtures.unique("FileVault on"), false, true,
                "FileVault encrypts the data on this Mac.", "Turn on FileVault in System Settings > Privacy & Security.");
        Mac mac = enrolledMac(secret, Fixtures.unique("bobs-macbook"));
        report(mac.agent(), Map.of(Fixtures.queryName(os), Agent.Result.FAIL, Fixtures.queryName(fileVault), Agent.Result.FAIL));
        String path = "/device/" + deviceToken(mac.hostId()) + "/policies";

        runSpec("my-device-no-bypass", Json.createObjectBuilder().add("path", path).add("deviceName", mac.hostname())
                .add("failingPolicies", Json.createArrayBuilder().add(os.getString("name")).add(fileVault.getString("name")))
                .add("criticalPolicy", os.getString("name"))
                .add("reason", "A critical policy is failing: it must be fixed before you can sign in.")
                .add("screenshot", "critical-failure").build());
        assertFalse(host(mac.hostId()).getBoolean("bypass_pending"));

        report(mac.agent(), Map.of(Fixtures.queryName(os), Agent.Result.PASS, Fixtures.queryName(fileVault), Agent.Result.FAIL));
        Fixtures.ok(server.admin().patch("/api/v1/fleet/config", "{\"conditional_access\": {\"bypass_disabled\": true}}"));
        try {
            runSpec("my-device-no-bypass", Json.createObjectBuilder().add("path", path).add("deviceName", mac.hostname())
                    .add("failingPolicies", Json.createArrayBuilder().add(fileVault.getString("name")))
                    .add("reason", "Your administrator has turned off \"Resolve later\".")
                    .add("screenshot", "bypass-disabled").build());
        } finally {
            Fixtures.ok(server.admin().patch("/api/v1/fleet/config", "{\"conditional_access\": {\"bypass_disabled\": false}}"));
        }
        assertFalse(host(mac.hostId()).getBoolean("bypass_pending"));
        assertEquals(303, signIn(mac).statusCode(), "still blocked");
    }

    @Test
    void refetchWaitsForTheAgentThenShowsTheNewResults() throws Exception {
        String secret = Fixtures.unique("my-device-refetch");
        long team = Fixtures.team(server.admin(), secret, true).getJsonNumber("id").longValue();
        JsonObject fileVault = policy(team, Fixtures.unique("FileVault on"), false, true,
                "FileVault encrypts the data on this Mac.", "Turn on FileVault in System Settings > Privacy & Security.");
        Mac mac = enrolledMac(secret, Fixtures.unique("carols-macbook"));
        report(mac.agent(), Map.of(Fixtures.queryName(fileVault), Agent.Result.FAIL));
        assertFalse(host(mac.hostId()).getBoolean("refetch_requested"));
        String token = deviceToken(mac.hostId());
        Path waiting = BrowserScript.screenshotDir("my-device-refetch").resolve("refetch-waiting.png");
        Files.deleteIfExists(waiting);

        JsonObject scenario = Json.createObjectBuilder().add("path", "/device/" + token + "/policies")
                .add("deviceName", mac.hostname()).add("policy", fileVault.getString("name")).build();
        CompletableFuture<BrowserScript.Result> run = CompletableFuture.supplyAsync(() -> {
            try {
                return BrowserScript.run("my-device-refetch", server.baseUrl(), scenario.toString(), SCRIPT_TIMEOUT);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The agent answers once the user pressed Refetch and the page shows that it waits.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!(Files.exists(waiting) && host(mac.hostId()).getBoolean("refetch_requested"))) {
            if (run.isDone() || Instant.now().isAfter(deadline)) {
                BrowserScript.Result early = run.getNow(null);
                throw new AssertionError("the page never asked for a refetch; " + (early == null ? "timed out" : early.output()));
            }
            Thread.sleep(250);
        }
        assertTrue(mac.agent().read().containsKey(Fixtures.queryName(fileVault)), "the refetch reaches the agent");
        Fixtures.ok(mac.agent().write(Map.of(Fixtures.queryName(fileVault), Agent.Result.PASS), mac.agent().details()));

        BrowserScript.Result result = run.get();
        assertEquals(0, result.exitCode(), result.output() + "\nserver log:\n" + server.logTail(30));
        JsonObject after = host(mac.hostId());
        assertTrue(after.getBoolean("refetch_requested"), "the second Refetch, which no agent answered, is still pending");
        assertEquals("pass", Fixtures.ok(server.api().get("/api/v1/fleet/device/" + token + "/policies"))
                .getJsonArray("policies").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("name").equals(fileVault.getString("name"))).findFirst().orElseThrow()
                .getString("response"));
        assertEquals(200, signIn(mac).statusCode(), "the fixed Mac signs in");
    }
}
