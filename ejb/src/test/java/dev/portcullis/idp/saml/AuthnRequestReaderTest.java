package dev.portcullis.idp.saml;

import static dev.portcullis.idp.saml.AuthnRequestFixtures.ACS_URL;
import static dev.portcullis.idp.saml.AuthnRequestFixtures.OKTA_ENTITY_ID;
import static dev.portcullis.idp.saml.AuthnRequestFixtures.SSO_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.NameIDType;

class AuthnRequestReaderTest {

    private final AuthnRequestReader reader = new AuthnRequestReader();

    @Test
    void readsPostRequestAsOktaSendsIt() throws Exception {
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request("_abc123", issued, "alice@example.com"), null, null);

        ReceivedAuthnRequest request = reader.readPost(AuthnRequestFixtures.postParam(xml));

        assertEquals("_abc123", request.id());
        assertEquals("2.0", request.version());
        assertEquals(OKTA_ENTITY_ID, request.issuer());
        assertEquals(SSO_URL, request.destination());
        assertEquals(ACS_URL, request.assertionConsumerServiceUrl());
        assertEquals(issued, request.issueInstant());
        assertEquals("alice@example.com", request.nameId());
        assertEquals(NameIDType.UNSPECIFIED, request.nameIdFormat());
        assertNull(request.relayState());
        assertFalse(request.isSigned());
    }

    @Test
    void readsDeflatedPostRequestToo() throws Exception {
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request("_deflated", Instant.now(), null), null, null);
        String param = Base64.getEncoder().encodeToString(AuthnRequestFixtures.deflate(xml.getBytes(StandardCharsets.UTF_8)));

        ReceivedAuthnRequest request = reader.readPost(param);

        assertEquals("_deflated", request.id());
        assertNull(request.nameId());
    }

    @Test
    void readsRedirectRequestWithRelayState() throws Exception {
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request("_redirected", Instant.now(), "bob"), null, null);
        String query = AuthnRequestFixtures.redirectQuery(xml, "state with spaces & symbols=/+", null, null, null);

        ReceivedAuthnRequest request = reader.readRedirect(query);

        assertEquals("_redirected", request.id());
        assertEquals("bob", request.nameId());
        assertEquals("state with spaces & symbols=/+", request.relayState());
        assertFalse(request.isSigned());
    }

    @Test
    void refusesDoctype() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ELEMENT foo ANY>]>"
                + "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\""
                + " IssueInstant=\"2026-01-01T00:00:00Z\"/>";
        SamlRequestException refused = assertThrows(SamlRequestException.class,
                () -> reader.readPost(AuthnRequestFixtures.postParam(xml)));
        assertTrue(refused.getMessage().contains("forbidden XML feature"), refused.getMessage());
    }

    @Test
    void refusesExternalEntity() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_x\" Version=\"2.0\""
                + " IssueInstant=\"2026-01-01T00:00:00Z\"><saml:Issuer>&xxe;</saml:Issuer></samlp:AuthnRequest>";
        SamlRequestException refused = assertThrows(SamlRequestException.class,
                () -> reader.readPost(AuthnRequestFixtures.postParam(xml)));
        assertFalse(refused.getMessage().contains("root:"), "must not leak file content");
    }

    @Test
    void refusesExternalEntityOverRedirect() throws Exception {
        String xml = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"http://127.0.0.1:1/x\">]>"
                + "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"&xxe;\" Version=\"2.0\""
                + " IssueInstant=\"2026-01-01T00:00:00Z\"/>";
        assertThrows(SamlRequestException.class,
                () -> reader.readRedirect(AuthnRequestFixtures.redirectQuery(xml, null, null, null, null)));
    }

    @Test
    void refusesOversizedPost() {
        String huge = "A".repeat(SamlMessageDecoding.MAX_ENCODED_CHARS + 4);
        SamlRequestException refused = assertThrows(SamlRequestException.class, () -> reader.readPost(huge));
        assertTrue(refused.getMessage().contains("larger than"), refused.getMessage());
    }

    @Test
    void refusesOversizedRedirect() {
        String huge = "SAMLRequest=" + "A".repeat(SamlMessageDecoding.MAX_ENCODED_CHARS);
        assertThrows(SamlRequestException.class, () -> reader.readRedirect(huge));
    }

    @Test
    void refusesDeflateBomb() throws Exception {
        byte[] bomb = AuthnRequestFixtures.deflate(new byte[SamlMessageDecoding.MAX_INFLATED_BYTES + 1024]);
        String query = "SAMLRequest=" + AuthnRequestFixtures.encode(Base64.getEncoder().encodeToString(bomb));
        SamlRequestException refused = assertThrows(SamlRequestException.class, () -> reader.readRedirect(query));
        assertTrue(refused.getMessage().contains("inflates beyond"), refused.getMessage());
    }

    @Test
    void refusesBadBase64() {
        SamlRequestException post = assertThrows(SamlRequestException.class, () -> reader.readPost("not*base64!"));
        assertEquals("SAMLRequest is not valid base64", post.getMessage());
        SamlRequestException redirect = assertThrows(SamlRequestException.class,
                () -> reader.readRedirect("SAMLRequest=%25%25%25"));
        assertEquals("SAMLRequest is not valid base64", redirect.getMessage());
    }

    @Test
    void refusesRedirectThatIsNotDeflated() {
        String notDeflated = Base64.getEncoder().encodeToString("<x/>".getBytes(StandardCharsets.UTF_8));
        assertThrows(SamlRequestException.class,
                () -> reader.readRedirect("SAMLRequest=" + AuthnRequestFixtures.encode(notDeflated)));
    }

    @Test
    void refusesOtherMessageTypes() {
        String xml = "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\""
                + " IssueInstant=\"2026-01-01T00:00:00Z\"/>";
        SamlRequestException refused = assertThrows(SamlRequestException.class,
                () -> reader.readPost(AuthnRequestFixtures.postParam(xml)));
        assertEquals("message is not a SAML AuthnRequest", refused.getMessage());
    }

    @Test
    void refusesMissingOrRepeatedParameters() {
        assertThrows(SamlRequestException.class, () -> reader.readPost(null));
        assertThrows(SamlRequestException.class, () -> reader.readRedirect("RelayState=x"));
        assertThrows(SamlRequestException.class, () -> reader.readRedirect("SAMLRequest=a&SAMLRequest=b"));
    }
}
