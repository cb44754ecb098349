package dev.portcullis.idp.saml;

import static dev.portcullis.idp.saml.AuthnRequestFixtures.ACS_URL;
import static dev.portcullis.idp.saml.AuthnRequestFixtures.OKTA_ENTITY_ID;
import static dev.portcullis.idp.saml.AuthnRequestFixtures.SSO_URL;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.AuthnRequest;

class AuthnRequestRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(2);

    private final AuthnRequestReader reader = new AuthnRequestReader();

    private ReceivedAuthnRequest received(Consumer<AuthnRequest> change) throws Exception {
        AuthnRequest request = AuthnRequestFixtures.request("_rules", NOW.minusSeconds(10), "alice");
        change.accept(request);
        return reader.readPost(AuthnRequestFixtures.postParam(AuthnRequestFixtures.xml(request, null, null)));
    }

    private static String refusal(ReceivedAuthnRequest request) {
        return assertThrows(SamlRequestException.class,
                () -> AuthnRequestRules.check(request, OKTA_ENTITY_ID, SSO_URL, ACS_URL, NOW, SKEW)).getMessage();
    }

    @Test
    void acceptsARequestFromOkta() throws Exception {
        ReceivedAuthnRequest request = received(r -> { });
        assertDoesNotThrow(() -> AuthnRequestRules.check(request, OKTA_ENTITY_ID, SSO_URL, ACS_URL, NOW, SKEW));
    }

    @Test
    void acceptsAbsentDestinationAndAcsUrl() throws Exception {
        ReceivedAuthnRequest request = received(r -> {
            r.setDestination(null);
            r.setAssertionConsumerServiceURL(null);
        });
        assertDoesNotThrow(() -> AuthnRequestRules.check(request, OKTA_ENTITY_ID, SSO_URL, ACS_URL, NOW, SKEW));
    }

    @Test
    void refusesWrongIssuer() throws Exception {
        assertEquals("wrong issuer", refusal(received(r -> r.getIssuer().setValue("https://evil.example"))));
    }

    @Test
    void refusesMissingIssuer() throws Exception {
        assertEquals("wrong issuer", refusal(received(r -> r.setIssuer(null))));
    }

    @Test
    void refusesWrongDestination() throws Exception {
        assertEquals("wrong destination", refusal(received(r -> r.setDestination("https://other.example/sso"))));
    }

    @Test
    void refusesStaleAndFutureIssueInstant() throws Exception {
        assertEquals("IssueInstant outside the allowed clock skew",
                refusal(received(r -> r.setIssueInstant(NOW.minus(SKEW).minusSeconds(1)))));
        assertEquals("IssueInstant outside the allowed clock skew",
                refusal(received(r -> r.setIssueInstant(NOW.plus(SKEW).plusSeconds(1)))));
    }

    @Test
    void refusesOtherSamlVersions() throws Exception {
        assertEquals("unsupported SAML version", refusal(received(r -> r.setVersion(SAMLVersion.VERSION_11))));
    }

    @Test
    void refusesForeignAcsUrl() throws Exception {
        assertEquals("AssertionConsumerServiceURL does not match the configured ACS URL",
                refusal(received(r -> r.setAssertionConsumerServiceURL("https://evil.example/acs"))));
    }
}
