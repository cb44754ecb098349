package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The My device page over plain HTTP: what it refuses and how it protects the user. The browser
 * journeys are in {@link MyDeviceBrowserIT}.
 */
@ExtendWith(PortcullisServer.Extension.class)
class MyDevicePageIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Device(long hostId, String token, Agent agent, long teamId, long policyId) {
    }

    private static Device failingDevice(PortcullisServer server, String policyName) {
        Api admin = server.admin();
        String secret = Fixtures.unique("page");
        long team = Fixtures.team(admin, secret, true).getJsonNumber("id").longValue();
        JsonObject policy = Fixtures.policy(admin, team, policyName, false, true);
        Agent agent = new Agent(server, UUID.randomUUID().toString().toUpperCase(), Fixtures.unique("page-mac"));
        Fixtures.ok(agent.enroll(secret));
        agent.read();
        Fixtures.ok(agent.write(Map.of(Fixtures.queryName(policy), Agent.Result.FAIL), agent.details()));
        long hostId = Fixtures.ok(admin.get("/api/v1/fleet/hosts/identifier/" + agent.hardwareUuid()))
                .getJsonObject("host").getJsonNumber("id").longValue();
        String token = Fixtures.ok(admin.get("/api/v1/fleet/hosts/" + hostId + "/device_url")).getString("device_token");
        return new Device(hostId, token, agent, team, policy.getJsonNumber("id").longValue());
    }

    private static HttpResponse<String> post(PortcullisServer server, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(PortcullisServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean bypassPending(PortcullisServer server, long hostId) {
        return Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/" + hostId)).getJsonObject("host").getBoolean("bypass_pending");
    }

    @Test
    void thePageEscapesWhatItShowsAndAllowsOnlyItsOwnScripts(PortcullisServer server) throws Exception {
        Device device = failingDevice(server, "<script>alert('x')</script> & <b>bold</b>");
        HttpResponse<String> page = get(server, "/device/" + device.token() + "/policies");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"), page.body());
        assertFalse(page.body().contains("<script>alert"), "never markup from a policy name");
        assertFalse(page.body().contains("<b>bold"), "never markup from a policy name");
        assertFalse(page.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals(200, get(server, "/assets/my-device.js").statusCode());
        assertEquals(200, get(server, "/assets/my-device.css").statusCode());
    }

    @Test
    void unknownOrMalformedTokensGetTheExpiredLinkPageAndNoData(PortcullisServer server) throws Exception {
        for (String bad : new String[] {"A".repeat(43), "not-a-token", "x".repeat(300), "%3Cscript%3E"}) {
            HttpResponse<String> page = get(server, "/device/" + bad + "/policies");
            assertEquals(404, page.statusCode(), bad);
            assertTrue(page.body().contains("This link has expired or is not valid"), page.body());
            assertTrue(page.body().contains("Sign in to your app again"), page.body());
        }
        HttpResponse<String> status = get(server, "/device/" + "A".repeat(43) + "/status");
        assertEquals(404, status.statusCode());
        assertTrue(status.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(404, post(server, "/device/" + "A".repeat(43) + "/bypass", "confirm=yes").statusCode());
        assertEquals(404, post(server, "/device/" + "A".repeat(43) + "/refetch", "").statusCode());
    }

    @Test
    void actionsComeOnlyFromThePageItselfAndByPost(PortcullisServer server) throws Exception {
        Device device = failingDevice(server, Fixtures.unique("Forgery target"));
        String base = "/device/" + device.token();

        assertEquals(404, get(server, base + "/bypass").statusCode(), "a link cannot take a bypass");
        assertEquals(404, get(server, base + "/refetch").statusCode(), "a link cannot refetch");
        HttpResponse<String> otherSite = post(server, base + "/bypass", "confirm=yes", "Origin", "https://evil.example");
        assertEquals(403, otherSite.statusCode());
        assertTrue(otherSite.body().contains("Nothing was changed"), otherSite.body());
        assertEquals(403, post(server, base + "/bypass", "confirm=yes", "Origin", "null").statusCode());
        assertEquals(403, post(server, base + "/bypass", "confirm=yes", "Sec-Fetch-Site", "cross-site",
                "Origin", server.baseUrl()).statusCode(), "fetch metadata wins over a matching Origin");
        assertEquals(403, post(server, base + "/refetch", "", "Sec-Fetch-Site", "same-site").statusCode());
        assertFalse(bypassPending(server, device.hostId()));

        HttpResponse<String> unconfirmed = post(server, base + "/bypass", "", "Origin", server.baseUrl());
        assertEquals(303, unconfirmed.statusCode());
        assertTrue(unconfirmed.headers().firstValue("Location").orElseThrow().endsWith("/policies?confirm=resolve-later#resolve-later"));
        assertFalse(bypassPending(server, device.hostId()), "only the confirmation records it");

        HttpResponse<String> confirmed = post(server, base + "/bypass", "confirm=yes", "Origin", server.baseUrl(),
                "Sec-Fetch-Site", "same-origin");
        assertEquals(303, confirmed.statusCode());
        assertTrue(confirmed.headers().firstValue("Location").orElseThrow().endsWith(base + "/policies?done=bypass"));
        assertTrue(bypassPending(server, device.hostId()));

        HttpResponse<String> refetch = post(server, base + "/refetch", "", "Origin", server.baseUrl());
        assertEquals(303, refetch.statusCode());
        JsonObject status = Fixtures.ok(new Api.Response(200, get(server, base + "/status").body()));
        assertTrue(status.getBoolean("refetch_pending"));
        assertTrue(status.getBoolean("bypass_pending"));
        assertNotNull(status.get("policies_updated_at"));
        assertFalse(status.toString().contains(device.token()));
    }

    @Test
    void aRecordedBypassThatCanNoLongerBeUsedSaysSoAndWhy(PortcullisServer server) throws Exception {
        Device device = failingDevice(server, Fixtures.unique("Disk encryption"));
        String base = "/device/" + device.token();
        assertEquals(303, post(server, base + "/bypass", "confirm=yes", "Origin", server.baseUrl()).statusCode());
        String recorded = get(server, base + "/policies").body();
        assertTrue(recorded.contains("Resolve later is recorded."), recorded);

        // The administrator makes the failing policy critical: the sign-in decision ignores the bypass now.
        Fixtures.ok(server.admin().patch("/api/v1/fleet/teams/" + device.teamId() + "/policies/" + device.policyId(),
                "{\"critical\": true}"));
        assertTrue(bypassPending(server, device.hostId()), "the bypass stays recorded");
        String page = get(server, base + "/policies").body();
        assertFalse(page.contains("Resolve later is recorded."), "no promise the sign-in will not keep: " + page);
        assertFalse(page.contains("Your next sign-in will be allowed"), page);
        assertTrue(page.contains("cannot be used now"), page);
        assertTrue(page.contains("A critical policy is failing: it must be fixed before you can sign in."), page);
    }
}
