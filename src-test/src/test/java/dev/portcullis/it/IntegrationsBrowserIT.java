package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.it.peers.BrowserScript;
import dev.portcullis.it.peers.TlsFiles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Settings > Integrations in chromium, following the setup guide: Connect Okta (IdP certificate,
 * user scope profile, Okta's values and certificate), Disable bypass, Edit and Delete; and an
 * observer who sees it all but changes nothing. The server's state is checked through the REST API.
 * Other ITs connect Okta for themselves in their @BeforeAll; this one puts back what it found.
 */
class IntegrationsBrowserIT {

    static final String IDP_ID = "0oaintegrations";
    static final String ACS = "https://portcullis-test.okta.com/sso/saml2/0oaintegrations";
    static final String AUDIENCE = "https://www.okta.com/saml2/service-provider/spintegrations";
    static final String EDITED_AUDIENCE = "https://www.okta.com/saml2/service-provider/spintegrations2";
    static final String PASSWORD = "Observer-passw0rd!";

    static PortcullisServer server;
    static JsonObject before;

    @BeforeAll
    static void rememberTheOktaConnection() {
        server = PortcullisServer.shared();
        before = config().getJsonObject("conditional_access");
    }

    @AfterAll
    static void putBackWhatWasThere() {
        Fixtures.ok(server.admin().patch("/api/v1/fleet/config", oktaBody(text(before, "okta_idp_id"),
                text(before, "okta_assertion_consumer_service_url"), text(before, "okta_audience_uri"),
                text(before, "okta_certificate"), before.getBoolean("bypass_disabled"))));
    }

    @Test
    void anAdministratorConnectsEditsAndDeletesOktaInTheConsole() throws Exception {
        Api admin = server.admin();
        Fixtures.ok(admin.patch("/api/v1/fleet/config", oktaBody("", "", "", "", false)));
        Path dir = Files.createDirectories(Path.of("target", "it", "integrations-" + System.currentTimeMillis()).toAbsolutePath());
        TlsFiles.KeyAndCert okta = TlsFiles.selfSignedServer(dir.resolve("okta"), "okta-integrations.example");
        // A classic mistake: the private key instead of the certificate, under a certificate-like name.
        Path wrongFile = Files.copy(okta.key(), dir.resolve("okta-certificate.pem"));
        // Another: last year's certificate, expired on 2021-01-01.
        Path expiredFile = Files.writeString(dir.resolve("expired.pem"), expiredCertificatePem());
        String oktaPem = Files.readString(okta.cert());
        ensureGlobalEnrollSecret(admin);

        String serverUrl = config().getJsonObject("server_settings").getString("server_url");
        String host = java.net.URI.create(serverUrl).getAuthority();
        JsonObject scenario = Json.createObjectBuilder()
                .add("email", PortcullisServer.ADMIN_EMAIL).add("password", PortcullisServer.ADMIN_PASSWORD)
                .add("adminToken", adminToken())
                .add("idpId", IDP_ID).add("acs", ACS).add("audience", AUDIENCE).add("editedAudience", EDITED_AUDIENCE)
                .add("certificatePath", okta.cert().toString()).add("wrongFilePath", wrongFile.toString())
                .add("expiredCertificatePath", expiredFile.toString())
                .add("metadataUrl", "https://" + host + "/api/fleet/conditional_access/idp/metadata")
                .add("ssoUrl", "https://okta." + host + "/api/fleet/conditional_access/idp/sso")
                .add("idpFingerprint", fingerprint(admin.download("/api/v1/fleet/conditional_access/idp/signing_cert")))
                .add("caFingerprint", fingerprint(admin.download("/api/v1/fleet/conditional_access/scep/ca_cert")))
                .add("profile", new String(admin.download("/api/v1/fleet/conditional_access/idp/apple/profile").body(),
                        StandardCharsets.UTF_8))
                .build();
        runSpec("admin", scenario);

        JsonObject ca = config().getJsonObject("conditional_access");
        assertEquals(JsonValue.NULL, ca.get("okta_idp_id"), "the console deleted the connection: " + ca);
        assertTrue(ca.getBoolean("bypass_disabled"), "the console disabled bypass: " + ca);
        List<JsonObject> mine = Fixtures.ok(admin.get("/api/v1/fleet/activities?per_page=30")).getJsonArray("activities")
                .stream().map(JsonValue::asJsonObject)
                .filter(a -> PortcullisServer.ADMIN_EMAIL.equals(a.getString("actor_email", null))).toList();
        assertTrue(mine.stream().anyMatch(a -> a.getString("type").equals("deleted_conditional_access_okta")),
                "deletion logged: " + mine);
        assertTrue(mine.stream().anyMatch(a -> a.get("details") instanceof JsonObject details
                        && EDITED_AUDIENCE.equals(details.getString("okta_audience_uri", null))),
                "the edit is logged with its new audience: " + mine);
        assertFalse(Files.readString(server.logFile()).contains(Files.readString(okta.key()).lines().skip(1).findFirst().orElseThrow()),
                "the refused private key never reaches the log");
        assertTrue(oktaPem.contains("BEGIN CERTIFICATE"));
    }

    @Test
    void anObserverSeesTheSettingsButNoButtonsToChangeThem() throws Exception {
        Api admin = server.admin();
        Fixtures.ok(admin.patch("/api/v1/fleet/config", oktaBody(IDP_ID, ACS, AUDIENCE,
                Files.readString(TlsFiles.selfSignedServer(Files.createDirectories(Path.of("target", "it",
                        "integrations-observer-" + System.currentTimeMillis()).toAbsolutePath()), "okta-observer.example").cert()),
                false)));
        String email = Fixtures.unique("observer") + "@example.com";
        Fixtures.ok(admin.post("/api/v1/fleet/users/admin", """
                {"name": "Olive Observer", "email": "%s", "password": "%s", "global_role": "observer"}
                """.formatted(email, PASSWORD)));
        runSpec("observer", Json.createObjectBuilder().add("email", email).add("password", PASSWORD)
                .add("idpId", IDP_ID).add("audience", AUDIENCE).build());
        JsonObject ca = config().getJsonObject("conditional_access");
        assertEquals(IDP_ID, ca.getString("okta_idp_id"), "looking changes nothing");
        assertFalse(ca.getBoolean("bypass_disabled"), "looking changes nothing");
    }

    /** Runs one test of integrations.spec.mjs (named by the scenario's "role"). */
    static void runSpec(String role, JsonObject scenario) throws Exception {
        JsonObject withRole = Json.createObjectBuilder(scenario).add("role", role).build();
        BrowserScript.Result run = BrowserScript.run("integrations", server.baseUrl(), withRole.toString(),
                Duration.ofMinutes(4));
        assertEquals(0, run.exitCode(), "integrations (" + role + ") failed:\n" + run.output()
                + "\nserver log:\n" + server.logTail(40));
    }

    static JsonObject config() {
        return Fixtures.ok(server.admin().get("/api/v1/fleet/config"));
    }

    static String oktaBody(String idpId, String acs, String audience, String certificate, boolean bypassDisabled) {
        return Json.createObjectBuilder().add("conditional_access", Json.createObjectBuilder()
                .add("okta_idp_id", idpId).add("okta_assertion_consumer_service_url", acs)
                .add("okta_audience_uri", audience).add("okta_certificate", certificate)
                .add("bypass_disabled", bypassDisabled)).build().toString();
    }

    static String text(JsonObject json, String key) {
        return json.isNull(key) ? "" : json.getString(key);
    }

    /** The profile's SCEP challenge is the oldest global enroll secret: add one if there is none. */
    static void ensureGlobalEnrollSecret(Api admin) {
        if (Fixtures.ok(admin.get("/api/v1/fleet/spec/enroll_secret")).getJsonObject("spec").getJsonArray("secrets").isEmpty()) {
            Fixtures.ok(admin.post("/api/v1/fleet/spec/enroll_secret", "{\"spec\": {\"secrets\": [{\"secret\": \"%s\"}]}}"
                    .formatted(Fixtures.unique("integrations-secret"))));
        }
    }

    /** The spec reads the API itself between steps, to see each one stored (or not) as it happens. */
    static String adminToken() {
        return RolesIT.login(server, PortcullisServer.ADMIN_EMAIL, PortcullisServer.ADMIN_PASSWORD);
    }

    /** A self-signed certificate valid from 2020-01-01 until 2021-01-01 (noon UTC), in PEM. */
    static String expiredCertificatePem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=okta-expired.example");
        byte[] der = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(System.currentTimeMillis()),
                Date.from(Instant.parse("2020-01-01T12:00:00Z")), Date.from(Instant.parse("2021-01-01T12:00:00Z")),
                subject, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())).getEncoded();
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** SHA-256 of the certificate's DER, written as node's X509Certificate.fingerprint256 writes it. */
    static String fingerprint(HttpResponse<byte[]> pemDownload) throws Exception {
        assertEquals(200, pemDownload.statusCode());
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pemDownload.body()));
        return HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
