package dev.portcullis.idp.saml;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

class SamlResponseBuilderTest {

    static final TestCredentials IDP = TestCredentials.selfSigned("portcullis-idp");
    static final String IDP_ENTITY_ID = "https://portcullis.example/api/fleet/conditional_access/idp/metadata";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static SignedSamlResponse response(String nameId) {
        return new SamlResponseBuilder()
                .inResponseTo("_request1")
                .nameId(nameId)
                .issuer(IDP_ENTITY_ID)
                .audience(AuthnRequestFixtures.OKTA_ENTITY_ID)
                .acsUrl(AuthnRequestFixtures.ACS_URL)
                .now(NOW)
                .sessionIndex("_session1")
                .signWith(IDP.key, IDP.certificate)
                .build();
    }

    private static Response parse(String xml) throws SamlRequestException {
        return SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8), Response.DEFAULT_ELEMENT_NAME, Response.class);
    }

    @Test
    void builtResponseParsesBackWithEveryValueOktaChecks() throws Exception {
        SignedSamlResponse signed = response("alice@example.com");
        Response response = parse(signed.xml());

        assertEquals(signed.id(), response.getID());
        assertTrue(response.getID().matches("_[0-9a-f]{32}"));
        assertEquals("_request1", response.getInResponseTo());
        assertEquals(AuthnRequestFixtures.ACS_URL, response.getDestination());
        assertEquals(IDP_ENTITY_ID, response.getIssuer().getValue());
        assertEquals(StatusCode.SUCCESS, response.getStatus().getStatusCode().getValue());
        assertEquals(1, response.getAssertions().size());

        Assertion assertion = response.getAssertions().get(0);
        assertNotEquals(response.getID(), assertion.getID());
        assertEquals("alice@example.com", assertion.getSubject().getNameID().getValue());
        assertEquals(NameIDType.UNSPECIFIED, assertion.getSubject().getNameID().getFormat());
        SubjectConfirmationData confirmation = assertion.getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData();
        assertEquals(AuthnRequestFixtures.ACS_URL, confirmation.getRecipient());
        assertEquals("_request1", confirmation.getInResponseTo());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), confirmation.getNotOnOrAfter());
        assertEquals(NOW.minus(SamlResponseBuilder.DEFAULT_NOT_BEFORE_SKEW), assertion.getConditions().getNotBefore());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), assertion.getConditions().getNotOnOrAfter());
        assertEquals(AuthnRequestFixtures.OKTA_ENTITY_ID,
                assertion.getConditions().getAudienceRestrictions().get(0).getAudiences().get(0).getURI());
        assertEquals("_session1", assertion.getAuthnStatements().get(0).getSessionIndex());
        assertEquals(SamlResponseBuilder.AUTHN_CONTEXT_X509,
                assertion.getAuthnStatements().get(0).getAuthnContext().getAuthnContextClassRef().getURI());
    }

    @Test
    void assertionSignatureValidatesWithOpenSaml() throws Exception {
        Assertion assertion = parse(response("alice@example.com").xml()).getAssertions().get(0);

        assertTrue(assertion.isSigned());
        assertEquals(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, assertion.getSignature().getSignatureAlgorithm());
        assertEquals(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, assertion.getSignature().getCanonicalizationAlgorithm());
        new SAMLSignatureProfileValidator().validate(assertion.getSignature());
        assertDoesNotThrow(() -> SignatureValidator.validate(assertion.getSignature(), new BasicX509Credential(IDP.certificate)));
    }

    @Test
    void signatureUsesSha256DigestAndSingleLineBase64() {
        String xml = response("alice@example.com").xml();

        assertTrue(xml.contains("Algorithm=\"" + SignatureConstants.ALGO_ID_DIGEST_SHA256 + "\""));
        assertTrue(xml.contains("<ds:X509Certificate>"), xml);
        assertFalse(xml.contains("&#13;"), "no encoded carriage returns");
        assertFalse(xml.contains("\n<ds:") || xml.contains("\n  <"), "not pretty-printed");
    }

    @Test
    void tamperedAssertionFailsValidation() throws Exception {
        String tampered = response("alice@example.com").xml().replace("alice@example.com", "mallory@example.com");
        Assertion assertion = parse(tampered).getAssertions().get(0);

        assertThrows(SignatureException.class,
                () -> SignatureValidator.validate(assertion.getSignature(), new BasicX509Credential(IDP.certificate)));
    }

    @Test
    void base64IsTheFormFieldValue() {
        SignedSamlResponse signed = response("alice@example.com");
        assertEquals(signed.xml(), new String(Base64.getDecoder().decode(signed.base64()), StandardCharsets.UTF_8));
    }

    @Test
    void refusesToBuildWithoutTheRequestId() {
        SamlResponseBuilder builder = new SamlResponseBuilder().nameId("a").issuer("i").audience("a").acsUrl("u")
                .now(NOW).signWith(IDP.key, IDP.certificate);
        assertThrows(IllegalStateException.class, builder::build);
    }
}
