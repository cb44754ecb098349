package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.it.peers.Browser;
import dev.portcullis.it.peers.ExternalProcess;
import dev.portcullis.it.peers.MtlsProxy;
import dev.portcullis.it.peers.OktaSp;
import dev.portcullis.it.peers.ScepDevice;
import dev.portcullis.it.peers.TlsFiles;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole vertical slice with real peers: an osquery-shaped agent reports policies, jscep
 * enrolls the device certificate, Caddy and nginx terminate mTLS with it, and pysaml2 plays
 * Okta, validating every Response it is given (signatures checked by xmlsec1).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OktaSignInIT {

    static final String AUDIENCE = "https://www.okta.com/saml2/service-provider/spportcullistest";
    static final String ACS = "https://portcullis-test.okta.com/sso/saml2/0oaportcullis";
    static final String NAME_ID = "alice@example.com";
    static final String SSO_PATH = "/api/fleet/conditional_access/idp/sso";

    static PortcullisServer server;
    static Path dir;
    static OktaSp okta;
    static Agent agent;
    static JsonObject compliance;
    static JsonObject critical;
    static ScepDevice device;
    static TlsFiles.KeyAndCert proxyTls;
    static Path caPem;
    static Path idpCertPem;
    static Browser browser;
    static MtlsProxy proxy;
    static String deviceToken;
    static byte[] caBeforeRestart;
    static String idpCertBeforeRestart;
    static long deletedHostId;

    @BeforeAll
    static void connectOktaEnrollHostAndDevice() throws Exception {
        server = PortcullisServer.shared();
        Api admin = server.admin();
        dir = Files.createDirectories(Path.of("target", "it", "okta-" + System.currentTimeMillis()).toAbsolutePath());

        TlsFiles.KeyAndCert sp = TlsFiles.selfSignedServer(dir.resolve("okta-sp"), "okta-sp.example");
        Fixtures.ok(admin.patch("/api/v1/fleet/config", Json.createObjectBuilder().add("conditional_access",
                Json.createObjectBuilder().add("okta_idp_id", "0oaportcullis")
                        .add("okta_assertion_consumer_service_url", ACS).add("okta_audience_uri", AUDIENCE)
                        .add("okta_certificate", Files.readString(sp.cert())).add("bypass_disabled", false))
                .build().toString()));

        Api.Response metadata = server.api().get("/api/fleet/conditional_access/idp/metadata");
        assertEquals(200, metadata.status(), metadata.toString());
        Path metadataFile = Files.writeString(dir.resolve("idp-metadata.xml"), metadata.body());
        Api.Response signingCert = admin.get("/api/v1/fleet/conditional_access/idp/signing_cert");
        assertEquals(200, signingCert.status());
        idpCertPem = Files.writeString(dir.resolve("idp.crt"), signingCert.body());
        okta = new OktaSp(Path.of(System.getProperty("portcullis.it.python.dir"), "okta_sp.py"), metadataFile,
                AUDIENCE, ACS, sp.key(), sp.cert(), dir);

        String secret = Fixtures.unique("okta-secret");
        long teamId = Fixtures.team(admin, secret, true).getJsonNumber("id").longValue();
        compliance = Fixtures.policy(admin, teamId, Fixtures.unique("FileVault on"), false, true);
        critical = Fixtures.policy(admin, teamId, Fixtures.unique("OS up to date"), true, true);
        String uuid = UUID.randomUUID().toString().toUpperCase();
        agent = new Agent(server, uuid, "alices-mac");
        assertEquals(200, agent.enroll(secret).status());
        report(Agent.Result.PASS, Agent.Result.PASS);

        device = new ScepDevice();
        assertTrue(device.enroll(server.baseUrl() + "/api/fleet/conditional_access/scep", device.csr(uuid, secret)).isSuccess());

        caBeforeRestart = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/api/fleet/conditional_access/scep?operation=GetCACert")).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        caPem = TlsFiles.derToPem(Files.write(dir.resolve("scep-ca.der"), caBeforeRestart), dir.resolve("scep-ca.pem"));
        idpCertBeforeRestart = signingCert.body();
        proxyTls = TlsFiles.selfSignedServer(dir.resolve("proxy"), "okta.portcullis.test");
        browser = new Browser(device.privateKey(), device.issued(), proxyTls.cert());
    }

    @AfterAll
    static void stopProxyAndRestoreDefaults() {
        if (proxy != null) {
            proxy.close();
        }
        server.setServerProperty("portcullis.cert.serial.format", "hex");
    }

    static void report(Agent.Result complianceResult, Agent.Result criticalResult) {
        agent.read();
        Api.Response written = agent.write(Map.of(Fixtures.queryName(compliance), complianceResult,
                Fixtures.queryName(critical), criticalResult));
        assertEquals(200, written.status(), written.toString());
    }

    /** Restarts the server with the serial format the proxy writes and puts the proxy in front. */
    static void useProxy(MtlsProxy.Kind kind) throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        server.setServerProperty("portcullis.cert.serial.format", kind == MtlsProxy.Kind.CADDY ? "decimal" : "hex");
        server.restart();
        // A free port, not a fixed one: other Portcullis servers on this machine take ports at offsets.
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        proxy = MtlsProxy.start(kind, dir.resolve(kind.name().toLowerCase()), port, "okta.portcullis.test",
                proxyTls.cert(), proxyTls.key(), caPem, server.baseUrl());
    }

    record SignIn(OktaSp.AuthnRequest request, HttpResponse<String> response) {
    }

    static String proxyUrl() {
        return "https://okta.portcullis.test:" + proxy.port() + SSO_PATH;
    }

    static SignIn signIn(String binding) throws Exception {
        OktaSp.AuthnRequest request = okta.authn(binding, "relay-" + UUID.randomUUID(), NAME_ID);
        HttpResponse<String> response = binding.equals("post")
                ? browser.postForm(proxyUrl(), request.samlRequest(), request.relayState())
                : browser.get(proxyUrl() + "?" + request.query());
        return new SignIn(request, response);
    }

    /** Okta's side of an allowed sign-in: the form, pysaml2's verdict, and xmlsec1's. */
    static void assertAllowed(SignIn signIn) throws Exception {
        HttpResponse<String> response = signIn.response();
        assertEquals(200, response.statusCode(), response.body() + "\n" + server.logTail(30) + "\n" + proxy.log());
        assertEquals(ACS, Browser.formAction(response.body()));
        assertEquals(signIn.request().relayState(), Browser.formField(response.body(), "RelayState"));
        String samlResponse = Browser.formField(response.body(), "SAMLResponse");
        assertNotNull(samlResponse);
        OktaSp.Verdict verdict = okta.verify(signIn.request().id(), samlResponse);
        assertTrue(verdict.ok(), "pysaml2 refused the Response: " + verdict.error());
        assertEquals(NAME_ID, verdict.nameId());

        Path xml = Files.write(dir.resolve("response-" + System.nanoTime() + ".xml"), Base64.getDecoder().decode(samlResponse));
        ExternalProcess.Result xmlsec = ExternalProcess.runForResult(List.of("xmlsec1", "--verify",
                "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion",
                "--trusted-pem", idpCertPem.toString(), xml.toString()), dir, Duration.ofSeconds(30));
        assertEquals(0, xmlsec.exitCode(), xmlsec.output());
        assertTrue(xmlsec.output().contains("OK"), xmlsec.output());
    }

    static String assertBlocked(SignIn signIn) {
        HttpResponse<String> response = signIn.response();
        assertEquals(303, response.statusCode(), response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("https://portcullis\\.test:\\d+/device/[A-Za-z0-9_-]+/policies"), location);
        return location.substring(location.indexOf("/device/") + 8, location.lastIndexOf("/policies"));
    }

    @Test
    @Order(1)
    void throughCaddyPassingHostGetsSignedResponseForBothBindings() throws Exception {
        useProxy(MtlsProxy.Kind.CADDY);
        assertAllowed(signIn("post"));
        assertAllowed(signIn("redirect"));
    }

    @Test
    @Order(2)
    void failingPolicyRedirectsToMyDevicePageThatSaysWhatToFix() throws Exception {
        report(Agent.Result.FAIL, Agent.Result.PASS);
        deviceToken = assertBlocked(signIn("post"));
        assertBlocked(signIn("redirect"));

        Api.Response page = server.api().get("/device/" + deviceToken + "/policies");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Action required"), page.body());
        assertTrue(page.body().contains(compliance.getString("name")), page.body());
        assertTrue(page.body().contains("Turn on FileVault"), "the resolution text is shown");

        JsonObject host = Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/identifier/" + agent.hardwareUuid()))
                .getJsonObject("host");
        var signIns = host.getJsonArray("sign_ins");
        assertEquals("blocked", signIns.getJsonObject(0).getString("outcome"), host.toString());
        assertEquals(NAME_ID, signIns.getJsonObject(0).getString("name_id"));
        assertEquals("policies are failing", signIns.getJsonObject(0).getString("reason"));
        assertEquals("allowed", signIns.getJsonObject(signIns.size() - 1).getString("outcome"), "older first sign-ins");
        assertEquals("valid", host.getJsonArray("conditional_access_certificates").getJsonObject(0).getString("status"));
    }

    @Test
    @Order(3)
    void bypassAllowsExactlyOneSignInThenBlocksAgain() throws Exception {
        Api.Response bypass = server.api().post("/api/v1/fleet/device/" + deviceToken + "/bypass_conditional_access");
        assertEquals(200, bypass.status(), bypass.toString());
        assertAllowed(signIn("post"));
        assertBlocked(signIn("post"));
    }

    @Test
    @Order(4)
    void racingSignInsConsumeOneBypassOnlyOnce() throws Exception {
        assertEquals(200, server.api().post("/api/v1/fleet/device/" + deviceToken + "/bypass_conditional_access").status());
        List<OktaSp.AuthnRequest> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(okta.authn("post", "race-" + i, NAME_ID));
        }
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (OktaSp.AuthnRequest r : requests) {
                Callable<HttpResponse<String>> call = () -> browser.postForm(proxyUrl(), r.samlRequest(), r.relayState());
                results.add(pool.submit(call));
            }
            int allowed = 0;
            int blocked = 0;
            for (Future<HttpResponse<String>> f : results) {
                int status = f.get().statusCode();
                if (status == 200) allowed++;
                if (status == 303) blocked++;
            }
            assertEquals(1, allowed, "exactly one racing sign-in takes the bypass");
            assertEquals(requests.size() - 1, blocked);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(5)
    void criticalFailureRefusesBypassAndStaysBlocked() throws Exception {
        report(Agent.Result.FAIL, Agent.Result.FAIL);
        Api.Response bypass = server.api().post("/api/v1/fleet/device/" + deviceToken + "/bypass_conditional_access");
        assertEquals(400, bypass.status(), bypass.toString());
        assertBlocked(signIn("post"));
        Api.Response page = server.api().get("/device/" + deviceToken + "/policies");
        assertTrue(page.body().contains("Resolve later is not available"), page.body());
    }

    @Test
    @Order(6)
    void bypassDisabledByAdministratorKeepsFailingHostBlocked() throws Exception {
        report(Agent.Result.FAIL, Agent.Result.PASS);
        Fixtures.ok(server.admin().patch("/api/v1/fleet/config", "{\"conditional_access\": {\"bypass_disabled\": true}}"));
        try {
            assertEquals(400, server.api().post("/api/v1/fleet/device/" + deviceToken + "/bypass_conditional_access").status());
            assertBlocked(signIn("post"));
        } finally {
            Fixtures.ok(server.admin().patch("/api/v1/fleet/config", "{\"conditional_access\": {\"bypass_disabled\": false}}"));
        }
    }

    @Test
    @Order(7)
    void fixedHostSignsInAgain() throws Exception {
        report(Agent.Result.PASS, Agent.Result.PASS);
        assertAllowed(signIn("post"));
    }

    @Test
    @Order(8)
    void refusesReplayWrongIssuerUnsignedAndExternalEntityRequests() throws Exception {
        SignIn first = signIn("post");
        assertAllowed(first);
        HttpResponse<String> replay = browser.postForm(proxyUrl(), first.request().samlRequest(), first.request().relayState());
        assertEquals(400, replay.statusCode(), "a replayed AuthnRequest ID is refused");
        assertTrue(replay.body().startsWith("<!DOCTYPE html>") && replay.body().contains("replay"),
                "a readable page, escaped once: " + replay.body());

        OktaSp impostor = new OktaSp(Path.of(System.getProperty("portcullis.it.python.dir"), "okta_sp.py"),
                dir.resolve("idp-metadata.xml"), "https://www.okta.com/saml2/service-provider/someone-else", ACS,
                TlsFiles.selfSignedServer(dir.resolve("impostor"), "impostor.example").key(),
                dir.resolve("impostor").resolve("impostor.example.crt"), dir);
        OktaSp.AuthnRequest wrongIssuer = impostor.authn("post", null, NAME_ID);
        HttpResponse<String> refused = browser.postForm(proxyUrl(), wrongIssuer.samlRequest(), null);
        assertEquals(400, refused.statusCode());

        String unsigned = authnRequestXml("");
        assertEquals(400, browser.postForm(proxyUrl(), base64(unsigned), null).statusCode(), "unsigned request");

        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + authnRequestXml("&x;").replace("<saml:Issuer>" + AUDIENCE, "<saml:Issuer>&x;" + AUDIENCE);
        HttpResponse<String> entity = browser.postForm(proxyUrl(), base64(xxe), null);
        assertEquals(400, entity.statusCode());
        assertTrue(!entity.body().contains("root:"), "no file content may leak");
        assertTrue(!entity.body().contains("Exception"), "no stack trace");
    }

    @Test
    @Order(9)
    void forgedSerialHeaderFromUntrustedAddressIsIgnored() throws Exception {
        // Caddy is in front at this point, so the server reads decimal serials.
        String serial = device.issued().getSerialNumber().toString();
        // Straight to WildFly, skipping the proxy, from 127.0.0.2: not a trusted proxy address.
        String forged = rawPost("127.0.0.2", okta.authn("post", null, NAME_ID), serial);
        assertTrue(forged.startsWith("HTTP/1.1 403"), forged);
        assertTrue(forged.contains("certificate"), forged);
        assertTrue(server.logTail(200).contains("Ignored X-Client-Cert-Serial from 127.0.0.2"), server.logTail(40));
        // The same request from the trusted proxy address is accepted: the address is what was refused.
        String trusted = rawPost("127.0.0.1", okta.authn("post", null, NAME_ID), serial);
        assertTrue(trusted.startsWith("HTTP/1.1 200"), trusted);
        // A serial this CA never issued gets the certificate page, not a Response.
        String unknown = rawPost("127.0.0.1", okta.authn("post", null, NAME_ID), "123456789012345678901234567890");
        assertTrue(unknown.startsWith("HTTP/1.1 403"), unknown);
    }

    @Test
    @Order(10)
    void afterRestartThroughNginxKeysAreUnchangedAndTheCertificateStillSignsIn() throws Exception {
        useProxy(MtlsProxy.Kind.NGINX);
        byte[] caAfter = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/api/fleet/conditional_access/scep?operation=GetCACert")).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        assertArrayEquals(caBeforeRestart, caAfter, "the SCEP CA survives a restart");
        assertEquals(idpCertBeforeRestart, server.admin().get("/api/v1/fleet/conditional_access/idp/signing_cert").body(),
                "the IdP signing certificate survives a restart");
        assertAllowed(signIn("post"));
        assertAllowed(signIn("redirect"));
        report(Agent.Result.FAIL, Agent.Result.PASS);
        assertBlocked(signIn("post"));
        report(Agent.Result.PASS, Agent.Result.PASS);
    }

    @Test
    @Order(11)
    void wildflyTerminatesMtlsItselfWithoutAProxy() throws Exception {
        Browser direct = Browser.trustingAnyServer(device.privateKey(), device.issued());
        int mtlsPort = 8444 + server.httpsPort() - 8443;
        OktaSp.AuthnRequest request = okta.authn("post", "direct", NAME_ID);
        HttpResponse<String> response = direct.postForm("https://localhost:" + mtlsPort + SSO_PATH,
                request.samlRequest(), request.relayState());
        assertAllowed(new SignIn(request, response));
    }

    @Test
    @Order(12)
    void deletedHostsCertificateIsRevokedAndGetsTheCertificatePage() throws Exception {
        long hostId = Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/identifier/" + agent.hardwareUuid()))
                .getJsonObject("host").getJsonNumber("id").longValue();
        deletedHostId = hostId;
        assertEquals(200, server.admin().delete("/api/v1/fleet/hosts/" + hostId).status());
        HttpResponse<String> response = signIn("post").response();
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("revoked"), response.body());
    }

    @Test
    @Order(13)
    void everyDecisionIsInTheSignInLogWithTheFailingPolicies() {
        JsonArray signIns = Fixtures.ok(server.admin().get("/api/v1/fleet/conditional_access/sign_ins?per_page=1000&host_id="
                + deletedHostId)).getJsonArray("sign_ins");
        Set<String> outcomes = new HashSet<>();
        for (JsonValue v : signIns) {
            JsonObject signIn = v.asJsonObject();
            assertEquals(deletedHostId, signIn.getJsonNumber("host_id").longValue());
            outcomes.add(signIn.getString("outcome"));
            if (signIn.getString("outcome").equals("blocked")) {
                assertTrue(signIn.getJsonArray("failing_policies").stream().map(JsonValue::asJsonObject)
                        .anyMatch(p -> p.getJsonNumber("id").longValue() == compliance.getJsonNumber("id").longValue()
                                && p.getString("name").equals(compliance.getString("name"))), signIn.toString());
            }
            if (signIn.getString("outcome").startsWith("allowed")) {
                assertEquals(NAME_ID, signIn.getString("name_id"));
            }
        }
        assertEquals(Set.of("allowed", "allowed_by_bypass", "blocked", "certificate_error"), outcomes);
        assertEquals("certificate_error", signIns.getJsonObject(0).getString("outcome"), "the revoked certificate came last");
    }

    @Test
    @Order(14)
    void certificatesBypassesAndSettingsChangesAreActivitiesInFleetsShape() {
        Api admin = server.admin();
        JsonObject feed = Fixtures.ok(admin.get("/api/v1/fleet/activities?per_page=1000"));
        List<JsonObject> activities = feed.getJsonArray("activities").stream().map(JsonValue::asJsonObject).toList();
        Set<String> types = new HashSet<>();
        activities.forEach(a -> types.add(a.getString("type")));
        assertTrue(types.containsAll(Set.of("issued_conditional_access_certificate", "revoked_conditional_access_certificate",
                "requested_conditional_access_bypass", "consumed_conditional_access_bypass", "edited_conditional_access_okta")), types.toString());
        JsonObject settingsChange = activities.stream().filter(a -> a.getString("type").equals("edited_conditional_access_okta"))
                .findFirst().orElseThrow();
        for (String key : List.of("id", "created_at", "actor_full_name", "actor_email", "type", "details")) {
            assertTrue(settingsChange.containsKey(key), key);
        }
        assertEquals(PortcullisServer.ADMIN_EMAIL, settingsChange.getString("actor_email"));
        assertEquals("Ada Admin", settingsChange.getString("actor_full_name"));
        assertTrue(activities.stream().filter(a -> a.getString("type").equals("revoked_conditional_access_certificate"))
                .anyMatch(a -> a.get("actor_full_name") == JsonValue.NULL), "the system revokes, not a person");

        JsonObject first = Fixtures.ok(admin.get("/api/v1/fleet/activities?per_page=1&page=0"));
        assertEquals(1, first.getJsonArray("activities").size());
        assertTrue(first.getJsonObject("meta").getBoolean("has_next_results"));
        assertFalse(first.getJsonObject("meta").getBoolean("has_previous_results"));
        JsonObject second = Fixtures.ok(admin.get("/api/v1/fleet/activities?per_page=1&page=1"));
        assertTrue(second.getJsonObject("meta").getBoolean("has_previous_results"));
        long newest = first.getJsonArray("activities").getJsonObject(0).getJsonNumber("id").longValue();
        long oldest = Fixtures.ok(admin.get("/api/v1/fleet/activities?per_page=1&order_key=id&order_direction=asc"))
                .getJsonArray("activities").getJsonObject(0).getJsonNumber("id").longValue();
        assertTrue(oldest < newest);
        assertEquals(422, admin.get("/api/v1/fleet/activities?order_key=secret").status());
    }

    private static String authnRequestXml(String unused) {
        String ssoUrl = "https://okta.portcullis.test:" + server.httpsPort() + SSO_PATH;
        return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_" + UUID.randomUUID().toString().replace("-", "")
                + "\" Version=\"2.0\" IssueInstant=\"" + Instant.now() + "\" Destination=\"" + ssoUrl + "\">"
                + "<saml:Issuer>" + AUDIENCE + "</saml:Issuer></samlp:AuthnRequest>";
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** An HTTP/1.1 POST from a chosen loopback source address straight to WildFly. */
    private static String rawPost(String sourceAddress, OktaSp.AuthnRequest request, String serialHeader) throws Exception {
        String body = "SAMLRequest=" + URLEncoder.encode(request.samlRequest(), StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.httpPort()), 5000);
            socket.setSoTimeout(30000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + SSO_PATH + " HTTP/1.1\r\nHost: okta.portcullis.test\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n"
                    + "X-Client-Cert-Serial: " + serialHeader + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
