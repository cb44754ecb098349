package dev.portcullis.idp.saml;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

class RequestSignatureTest {

    private static final TestCredentials OKTA = TestCredentials.selfSigned("okta-sp");
    private static final TestCredentials STRANGER = TestCredentials.selfSigned("stranger");

    private final AuthnRequestReader reader = new AuthnRequestReader();

    @Test
    void signedPostRequestVerifies() throws Exception {
        String xml = AuthnRequestFixtures.signedXml(AuthnRequestFixtures.request(), OKTA);
        ReceivedAuthnRequest request = reader.readPost(AuthnRequestFixtures.postParam(xml));

        assertTrue(request.isSigned());
        assertDoesNotThrow(() -> request.verifySignature(OKTA.certificate));
    }

    @Test
    void postSignatureByAnotherKeyIsRefused() throws Exception {
        String xml = AuthnRequestFixtures.signedXml(AuthnRequestFixtures.request(), STRANGER);
        ReceivedAuthnRequest request = reader.readPost(AuthnRequestFixtures.postParam(xml));

        SamlRequestException refused = assertThrows(SamlRequestException.class, () -> request.verifySignature(OKTA.certificate));
        assertEquals("AuthnRequest signature does not verify with the Okta certificate", refused.getMessage());
    }

    @Test
    void tamperedPostRequestIsRefused() throws Exception {
        String xml = AuthnRequestFixtures.signedXml(AuthnRequestFixtures.request(), OKTA)
                .replace("alice@example.com", "mallory@example.com");
        ReceivedAuthnRequest request = reader.readPost(AuthnRequestFixtures.postParam(xml));

        assertEquals("mallory@example.com", request.nameId());
        assertThrows(SamlRequestException.class, () -> request.verifySignature(OKTA.certificate));
    }

    @Test
    void wrappedSignatureOfAnotherRequestIsRefused() throws Exception {
        // A genuine signature copied into a request with another ID must not count.
        String genuine = AuthnRequestFixtures.signedXml(AuthnRequestFixtures.request("_genuine", Instant.now(), "a"), OKTA);
        String forged = genuine.replaceFirst("ID=\"_genuine\"", "ID=\"_forged\"");
        ReceivedAuthnRequest request = reader.readPost(AuthnRequestFixtures.postParam(forged));

        SamlRequestException refused = assertThrows(SamlRequestException.class, () -> request.verifySignature(OKTA.certificate));
        assertTrue(refused.getMessage().startsWith("AuthnRequest signature"), refused.getMessage());
    }

    @Test
    void sha1PostSignatureIsRefused() throws Exception {
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request(), OKTA, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1);
        ReceivedAuthnRequest request = reader.readPost(AuthnRequestFixtures.postParam(xml));

        SamlRequestException refused = assertThrows(SamlRequestException.class, () -> request.verifySignature(OKTA.certificate));
        assertTrue(refused.getMessage().startsWith("signature algorithm not accepted"), refused.getMessage());
    }

    @Test
    void unsignedPostRequestIsRefusedWhenACertificateIsConfigured() throws Exception {
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request(), null, null);
        ReceivedAuthnRequest request = reader.readPost(AuthnRequestFixtures.postParam(xml));

        SamlRequestException refused = assertThrows(SamlRequestException.class, () -> request.verifySignature(OKTA.certificate));
        assertEquals("AuthnRequest is not signed", refused.getMessage());
    }

    @Test
    void redirectQuerySignatureVerifiesOverRawOctets() throws Exception {
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request(), null, null);
        String query = AuthnRequestFixtures.signedRedirectQuery(xml, "https://app.example/after?x=1&y=2", OKTA);
        ReceivedAuthnRequest request = reader.readRedirect(query);

        assertTrue(request.isSigned());
        assertDoesNotThrow(() -> request.verifySignature(OKTA.certificate));
    }

    @Test
    void redirectSha512Verifies() throws Exception {
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request(), null, null);
        String query = AuthnRequestFixtures.redirectQuery(xml, null, OKTA,
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, "SHA512withRSA");

        assertDoesNotThrow(() -> reader.readRedirect(query).verifySignature(OKTA.certificate));
    }

    @Test
    void changedRelayStateBreaksRedirectSignature() throws Exception {
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request(), null, null);
        String query = AuthnRequestFixtures.signedRedirectQuery(xml, "original", OKTA).replace("RelayState=original", "RelayState=changed");
        ReceivedAuthnRequest request = reader.readRedirect(query);

        assertEquals("changed", request.relayState());
        SamlRequestException refused = assertThrows(SamlRequestException.class, () -> request.verifySignature(OKTA.certificate));
        assertEquals("AuthnRequest query signature does not verify with the Okta certificate", refused.getMessage());
    }

    @Test
    void droppedRelayStateBreaksRedirectSignature() throws Exception {
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request(), null, null);
        String query = AuthnRequestFixtures.signedRedirectQuery(xml, "original", OKTA).replace("&RelayState=original", "");

        assertThrows(SamlRequestException.class, () -> reader.readRedirect(query).verifySignature(OKTA.certificate));
    }

    @Test
    void redirectSignedByAnotherKeyIsRefused() throws Exception {
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request(), null, null);
        String query = AuthnRequestFixtures.signedRedirectQuery(xml, null, STRANGER);

        assertThrows(SamlRequestException.class, () -> reader.readRedirect(query).verifySignature(OKTA.certificate));
    }

    @Test
    void redirectSha1AndUnknownAlgorithmsAreRefused() throws Exception {
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request(), null, null);
        String sha1 = AuthnRequestFixtures.redirectQuery(xml, null, OKTA, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, "SHA1withRSA");
        String unknown = AuthnRequestFixtures.redirectQuery(xml, null, OKTA, "urn:example:made-up", "SHA256withRSA");

        assertThrows(SamlRequestException.class, () -> reader.readRedirect(sha1).verifySignature(OKTA.certificate));
        assertThrows(SamlRequestException.class, () -> reader.readRedirect(unknown).verifySignature(OKTA.certificate));
    }

    @Test
    void unsignedRedirectIsRefusedWhenACertificateIsConfigured() throws Exception {
        String xml = AuthnRequestFixtures.xml(AuthnRequestFixtures.request(), null, null);
        ReceivedAuthnRequest request = reader.readRedirect(AuthnRequestFixtures.redirectQuery(xml, "rs", null, null, null));

        SamlRequestException refused = assertThrows(SamlRequestException.class, () -> request.verifySignature(OKTA.certificate));
        assertEquals("AuthnRequest is not signed", refused.getMessage());
    }
}
