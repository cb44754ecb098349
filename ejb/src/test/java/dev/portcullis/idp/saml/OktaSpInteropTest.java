package dev.portcullis.idp.saml;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our IdP against an SP not written here: Debian's pysaml2 (okta_sp.py) plays Okta, and
 * xmlsec1 checks our signature on its own. Both must be installed: this test fails, never skips.
 */
class OktaSpInteropTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String INSTALL_HINT = "install them: apt-get install python3-pysaml2 xmlsec1";
    private static final Path SCRIPT = Path.of("").toAbsolutePath()
            .resolve("../src-test/src/test/python/okta_sp.py").normalize();

    private static final String IDP_ENTITY_ID = "https://portcullis.example/api/fleet/conditional_access/idp/metadata";
    private static final String SSO_URL = AuthnRequestFixtures.SSO_URL;
    private static final String AUDIENCE = AuthnRequestFixtures.OKTA_ENTITY_ID;
    private static final String ACS_URL = AuthnRequestFixtures.ACS_URL;

    private static final TestCredentials IDP = SamlResponseBuilderTest.IDP;
    private static final TestCredentials OKTA = TestCredentials.selfSigned("okta-sp");

    @TempDir
    static Path dir;

    private final AuthnRequestReader reader = new AuthnRequestReader();

    @BeforeAll
    static void requirePeersAndWriteFiles() throws Exception {
        assertTrue(Files.isRegularFile(SCRIPT), "peer script not found at " + SCRIPT);
        Run pysaml2 = run(List.of(PYTHON, "-c", "import saml2"));
        if (pysaml2.exitCode != 0) {
            fail("python3-pysaml2 is not usable from " + PYTHON + ": " + INSTALL_HINT);
        }
        Run xmlsec1 = run(List.of("xmlsec1", "--version"));
        if (xmlsec1.exitCode != 0) {
            fail("xmlsec1 is not installed: " + INSTALL_HINT);
        }
        Files.writeString(dir.resolve("idp-metadata.xml"), new IdpMetadataWriter().write(IDP_ENTITY_ID, IDP.certificate, SSO_URL));
        Files.writeString(dir.resolve("idp.crt"), IDP.certificatePem());
        Files.writeString(dir.resolve("sp.key"), OKTA.privateKeyPem());
        Files.writeString(dir.resolve("sp.crt"), OKTA.certificatePem());
    }

    @Test
    void readsAndVerifiesOktaStylePostRequest() throws Exception {
        Map<String, Object> out = authn("post", null, "alice@example.com");
        ReceivedAuthnRequest request = reader.readPost((String) out.get("saml_request"));

        assertEquals(out.get("id"), request.id());
        assertEquals(SSO_URL, out.get("url"));
        assertEquals(AUDIENCE, request.issuer());
        assertEquals(SSO_URL, request.destination());
        assertEquals("alice@example.com", request.nameId());
        assertTrue(request.isSigned());
        assertDoesNotThrow(() -> request.verifySignature(OKTA.certificate));
        assertThrows(SamlRequestException.class, () -> request.verifySignature(IDP.certificate));
        assertDoesNotThrow(() -> AuthnRequestRules.check(request, AUDIENCE, SSO_URL, ACS_URL, Instant.now(), Duration.ofMinutes(2)));
    }

    @Test
    void readsAndVerifiesOktaStyleRedirectRequest() throws Exception {
        Map<String, Object> out = authn("redirect", "https://app.example/landing?a=1&b=2", null);
        String query = (String) out.get("query");
        ReceivedAuthnRequest request = reader.readRedirect(query);

        assertEquals(out.get("id"), request.id());
        assertEquals("https://app.example/landing?a=1&b=2", request.relayState());
        assertNull(request.nameId());
        assertDoesNotThrow(() -> request.verifySignature(OKTA.certificate));
        assertDoesNotThrow(() -> AuthnRequestRules.check(request, AUDIENCE, SSO_URL, ACS_URL, Instant.now(), Duration.ofMinutes(2)));

        String otherRelayState = query.replaceFirst("RelayState=[^&]*", "RelayState=elsewhere");
        assertNotEquals(query, otherRelayState);
        ReceivedAuthnRequest changed = reader.readRedirect(otherRelayState);
        assertThrows(SamlRequestException.class, () -> changed.verifySignature(OKTA.certificate));
    }

    @Test
    void oktaAcceptsOurResponseAndXmlsecVerifiesIt() throws Exception {
        ReceivedAuthnRequest request = reader.readPost((String) authn("post", null, "alice@example.com").get("saml_request"));
        SignedSamlResponse response = responseTo(request.id(), request.nameId());

        Run verified = verify(request.id(), response.base64());
        Map<String, Object> out = FlatJson.parse(verified.stdout);
        assertEquals(0, verified.exitCode, verified.describe());
        assertEquals(Boolean.TRUE, out.get("ok"));
        assertEquals("alice@example.com", out.get("name_id"));
        assertEquals(IDP_ENTITY_ID, out.get("issuer"));

        Run xmlsec = xmlsec1Verify(response.xml());
        assertEquals(0, xmlsec.exitCode, xmlsec.describe());
    }

    @Test
    void tamperedResponseIsRefusedByBoth() throws Exception {
        ReceivedAuthnRequest request = reader.readPost((String) authn("post", null, "alice@example.com").get("saml_request"));
        String tampered = responseTo(request.id(), "alice@example.com").xml().replace("alice@example.com", "mallory@example.com");
        String tamperedBase64 = java.util.Base64.getEncoder().encodeToString(tampered.getBytes(StandardCharsets.UTF_8));

        Run verified = verify(request.id(), tamperedBase64);
        assertNotEquals(0, verified.exitCode, verified.describe());
        Map<String, Object> out = FlatJson.parse(verified.stdout);
        assertEquals(Boolean.FALSE, out.get("ok"));
        assertTrue(((String) out.get("error")).contains("Signature"), verified.describe());

        Run xmlsec = xmlsec1Verify(tampered);
        assertNotEquals(0, xmlsec.exitCode, xmlsec.describe());
    }

    @Test
    void responseToAnotherRequestIsRefused() throws Exception {
        String requestId = (String) authn("post", null, "alice@example.com").get("id");
        SignedSamlResponse response = responseTo("_someotherrequest", "alice@example.com");

        Run verified = verify(requestId, response.base64());
        assertNotEquals(0, verified.exitCode, verified.describe());
        Map<String, Object> out = FlatJson.parse(verified.stdout);
        assertFalse((Boolean) out.get("ok"));
        assertTrue(((String) out.get("error")).contains("_someotherrequest"), verified.describe());
    }

    @Test
    void responseForAnotherAcsUrlIsRefused() throws Exception {
        String requestId = (String) authn("post", null, "alice@example.com").get("id");
        SignedSamlResponse response = new SamlResponseBuilder().inResponseTo(requestId).nameId("alice@example.com")
                .issuer(IDP_ENTITY_ID).audience(AUDIENCE).acsUrl("https://evil.example/acs").now(Instant.now())
                .signWith(IDP.key, IDP.certificate).build();

        Run verified = verify(requestId, response.base64());
        assertNotEquals(0, verified.exitCode, verified.describe());
        assertTrue(((String) FlatJson.parse(verified.stdout).get("error")).contains("evil.example"), verified.describe());
    }

    private static SignedSamlResponse responseTo(String requestId, String nameId) {
        return new SamlResponseBuilder()
                .inResponseTo(requestId)
                .nameId(nameId)
                .issuer(IDP_ENTITY_ID)
                .audience(AUDIENCE)
                .acsUrl(ACS_URL)
                .now(Instant.now())
                .signWith(IDP.key, IDP.certificate)
                .build();
    }

    private static Map<String, Object> authn(String binding, String relayState, String nameId) throws Exception {
        List<String> command = spCommand("authn");
        command.addAll(List.of("--binding", binding));
        if (relayState != null) {
            command.addAll(List.of("--relay-state", relayState));
        }
        if (nameId != null) {
            command.addAll(List.of("--name-id", nameId));
        }
        Run run = run(command);
        assertEquals(0, run.exitCode, run.describe());
        return FlatJson.parse(run.stdout);
    }

    private static Run verify(String requestId, String samlResponseBase64) throws Exception {
        List<String> command = spCommand("verify");
        command.addAll(List.of("--request-id", requestId, "--saml-response", samlResponseBase64));
        return run(command);
    }

    private static Run xmlsec1Verify(String responseXml) throws Exception {
        Path file = Files.createTempFile(dir, "response", ".xml");
        Files.writeString(file, responseXml);
        return run(List.of("xmlsec1", "--verify", "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion",
                "--trusted-pem", dir.resolve("idp.crt").toString(), file.toString()));
    }

    private static List<String> spCommand(String subcommand) {
        return new ArrayList<>(List.of(PYTHON, SCRIPT.toString(), subcommand,
                "--idp-metadata", dir.resolve("idp-metadata.xml").toString(),
                "--sp-entity-id", AUDIENCE,
                "--acs-url", ACS_URL,
                "--sp-key", dir.resolve("sp.key").toString(),
                "--sp-cert", dir.resolve("sp.crt").toString()));
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return new Run(127, "", command.get(0) + " could not be started: " + e.getMessage());
        }
        process.getOutputStream().close();
        // Read both streams fully before waiting, so neither pipe can fill up and block.
        var stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String stdout = readAll(process.getInputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), stdout, stderr.join());
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }
}
