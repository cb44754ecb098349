package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PortcullisServer.Extension.class)
class ConfigIT {

    private static final String ACS = "https://example.okta.com/sso/saml2/0oa1b2c3d4e5f6g7h8i9";
    private static final String AUDIENCE = "https://www.okta.com/saml2/service-provider/spabcdefghijklmnopqr";
    private static String certificatePem;
    private static String expiredCertificatePem;
    private static String privateKeyPem;

    @BeforeAll
    static void oktaCertificate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=Okta test IdP signer");
        Instant now = Instant.now();
        byte[] der = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), subject, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())).getEncoded();
        certificatePem = pem("CERTIFICATE", der);
        expiredCertificatePem = pem("CERTIFICATE", new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli() + 1),
                Date.from(now.minus(800, ChronoUnit.DAYS)), Date.from(now.minus(70, ChronoUnit.DAYS)), subject, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())).getEncoded());
        privateKeyPem = pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String okta(String idpId, String acs, String audience, String certificate) {
        return Json.createObjectBuilder().add("conditional_access", Json.createObjectBuilder()
                .add("okta_idp_id", idpId).add("okta_assertion_consumer_service_url", acs)
                .add("okta_audience_uri", audience).add("okta_certificate", certificate)).build().toString();
    }

    @AfterEach
    void disconnect(PortcullisServer server) {
        server.admin().patch("/api/v1/fleet/config", okta("", "", "", ""));
    }

    @Test
    void connectingOktaWithAValidCertificateIsStoredAndShown(PortcullisServer server) {
        Api admin = server.admin();
        JsonObject patched = Fixtures.ok(admin.patch("/api/v1/fleet/config", okta("exk1okta", ACS, AUDIENCE, certificatePem)));
        JsonObject ca = patched.getJsonObject("conditional_access");
        assertEquals("exk1okta", ca.getString("okta_idp_id"));
        assertEquals(ACS, ca.getString("okta_assertion_consumer_service_url"));
        assertEquals(AUDIENCE, ca.getString("okta_audience_uri"));
        assertTrue(ca.getString("okta_certificate").contains("BEGIN CERTIFICATE"));
        assertFalse(ca.getBoolean("bypass_disabled"));

        JsonObject activity = Fixtures.ok(admin.get("/api/v1/fleet/activities?per_page=5")).getJsonArray("activities")
                .getJsonObject(0);
        assertEquals("edited_conditional_access_okta", activity.getString("type"));
        assertEquals(PortcullisServer.ADMIN_EMAIL, activity.getString("actor_email"));
        assertEquals(AUDIENCE, activity.getJsonObject("details").getString("okta_audience_uri"));

        JsonObject fetched = Fixtures.ok(admin.get("/api/v1/fleet/config"));
        assertEquals(AUDIENCE, fetched.getJsonObject("conditional_access").getString("okta_audience_uri"));
        assertEquals("https://portcullis.test:" + server.httpsPort(),
                fetched.getJsonObject("server_settings").getString("server_url"));
        assertTrue(fetched.getJsonObject("integrations").containsKey("conditional_access_enabled"));
    }

    @Test
    void garbageOrAPrivateKeyIsRefusedNamingTheCertificate(PortcullisServer server) {
        Api admin = server.admin();
        assertRefused("okta_certificate", admin.patch("/api/v1/fleet/config", okta("exk1", ACS, AUDIENCE, "garbage")));
        assertRefused("okta_certificate", admin.patch("/api/v1/fleet/config", okta("exk1", ACS, AUDIENCE, privateKeyPem)));
        String truncated = certificatePem.substring(0, 28 + 65 * 4) + "-----END CERTIFICATE-----\n";
        assertRefused("okta_certificate", admin.patch("/api/v1/fleet/config", okta("exk1", ACS, AUDIENCE, truncated)));
        assertEquals(JsonValue.NULL, Fixtures.ok(admin.get("/api/v1/fleet/config"))
                .getJsonObject("conditional_access").get("okta_certificate"), "nothing was stored");
    }

    @Test
    void anExpiredCertificateOrOverlongValuesAreRefusedOnTheirFields(PortcullisServer server) {
        Api admin = server.admin();
        assertRefused("okta_certificate", admin.patch("/api/v1/fleet/config", okta("exk1", ACS, AUDIENCE, expiredCertificatePem)));
        assertRefused("okta_idp_id", admin.patch("/api/v1/fleet/config", okta("x".repeat(256), ACS, AUDIENCE, certificatePem)));
        assertRefused("okta_audience_uri", admin.patch("/api/v1/fleet/config",
                okta("exk1", ACS, AUDIENCE + "/" + "a".repeat(5000), certificatePem)));
        assertEquals(JsonValue.NULL, Fixtures.ok(admin.get("/api/v1/fleet/config"))
                .getJsonObject("conditional_access").get("okta_certificate"), "nothing was stored");
    }

    @Test
    void urlsMustBeAbsoluteHttpsAndTheFourFieldsGoTogether(PortcullisServer server) {
        Api admin = server.admin();
        assertRefused("okta_assertion_consumer_service_url",
                admin.patch("/api/v1/fleet/config", okta("exk1", "http://example.okta.com/sso", AUDIENCE, certificatePem)));
        assertRefused("okta_audience_uri",
                admin.patch("/api/v1/fleet/config", okta("exk1", ACS, "/saml2/service-provider/sp", certificatePem)));
        assertRefused("okta_certificate", admin.patch("/api/v1/fleet/config",
                "{\"conditional_access\": {\"okta_idp_id\": \"exk1\", \"okta_assertion_consumer_service_url\": \"%s\"}}"
                        .formatted(ACS)));
    }

    @Test
    void patchingOneOktaFieldKeepsTheOthers(PortcullisServer server) {
        Api admin = server.admin();
        Fixtures.ok(admin.patch("/api/v1/fleet/config", okta("exk1okta", ACS, AUDIENCE, certificatePem)));
        JsonObject ca = Fixtures.ok(admin.patch("/api/v1/fleet/config",
                "{\"conditional_access\": {\"okta_idp_id\": \"exk2okta\"}}")).getJsonObject("conditional_access");
        assertEquals("exk2okta", ca.getString("okta_idp_id"));
        assertEquals(ACS, ca.getString("okta_assertion_consumer_service_url"));
        assertEquals(AUDIENCE, ca.getString("okta_audience_uri"));
        assertTrue(ca.getString("okta_certificate").contains("BEGIN CERTIFICATE"));
    }

    @Test
    void clearingTheFourFieldsDisconnects(PortcullisServer server) {
        Api admin = server.admin();
        Fixtures.ok(admin.patch("/api/v1/fleet/config", okta("exk1okta", ACS, AUDIENCE, certificatePem)));
        JsonObject ca = Fixtures.ok(admin.patch("/api/v1/fleet/config",
                "{\"conditional_access\": {\"okta_idp_id\": null, \"okta_assertion_consumer_service_url\": null,"
                        + " \"okta_audience_uri\": null, \"okta_certificate\": null}}")).getJsonObject("conditional_access");
        assertEquals(JsonValue.NULL, ca.get("okta_idp_id"));
        assertEquals(JsonValue.NULL, ca.get("okta_audience_uri"));
        assertEquals(JsonValue.NULL, ca.get("okta_certificate"));
        assertEquals("deleted_conditional_access_okta", Fixtures.ok(admin.get("/api/v1/fleet/activities"))
                .getJsonArray("activities").getJsonObject(0).getString("type"));
    }

    @Test
    void switchesChangeAloneWithoutTouchingOkta(PortcullisServer server) {
        Api admin = server.admin();
        Fixtures.ok(admin.patch("/api/v1/fleet/config", okta("exk1okta", ACS, AUDIENCE, certificatePem)));
        JsonObject after = Fixtures.ok(admin.patch("/api/v1/fleet/config",
                "{\"conditional_access\": {\"bypass_disabled\": true}, \"integrations\": {\"conditional_access_enabled\": true}}"));
        assertTrue(after.getJsonObject("conditional_access").getBoolean("bypass_disabled"));
        assertTrue(after.getJsonObject("integrations").getBoolean("conditional_access_enabled"));
        assertEquals(AUDIENCE, after.getJsonObject("conditional_access").getString("okta_audience_uri"));
        Fixtures.ok(admin.patch("/api/v1/fleet/config",
                "{\"conditional_access\": {\"bypass_disabled\": false}, \"integrations\": {\"conditional_access_enabled\": false}}"));
        assertEquals(400, admin.patch("/api/v1/fleet/config", "{\"conditional_access\": ").status());
    }

    private static void assertRefused(String field, Api.Response r) {
        assertEquals(422, r.status(), r.toString());
        assertEquals("Validation Failed", r.json().getString("message"));
        assertTrue(r.json().getJsonArray("errors").stream()
                .anyMatch(e -> e.asJsonObject().getString("name").equals(field)), r.toString());
    }
}
