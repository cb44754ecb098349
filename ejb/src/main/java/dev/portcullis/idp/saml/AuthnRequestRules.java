package dev.portcullis.idp.saml;

import java.time.Duration;
import java.time.Instant;

/**
 * The checks every AuthnRequest from Okta must pass besides its signature: version,
 * issuer, destination, ACS URL and freshness. Replay (an ID seen before) needs state,
 * so the caller checks it.
 */
public final class AuthnRequestRules {

    private AuthnRequestRules() {
    }

    /**
     * @param expectedAcsUrl the configured ACS URL; a request without AssertionConsumerServiceURL
     *                       passes, because the response goes to the configured URL anyway
     */
    public static void check(ReceivedAuthnRequest request, String expectedIssuer, String expectedDestination,
            String expectedAcsUrl, Instant now, Duration clockSkew) throws SamlRequestException {
        if (!"2.0".equals(request.version())) {
            throw new SamlRequestException("unsupported SAML version");
        }
        if (request.issuer() == null || !request.issuer().equals(expectedIssuer)) {
            throw new SamlRequestException("wrong issuer");
        }
        if (request.destination() != null && !request.destination().equals(expectedDestination)) {
            throw new SamlRequestException("wrong destination");
        }
        Instant issued = request.issueInstant();
        if (issued.isBefore(now.minus(clockSkew)) || issued.isAfter(now.plus(clockSkew))) {
            throw new SamlRequestException("IssueInstant outside the allowed clock skew");
        }
        if (request.assertionConsumerServiceUrl() != null
                && !request.assertionConsumerServiceUrl().equals(expectedAcsUrl)) {
            throw new SamlRequestException("AssertionConsumerServiceURL does not match the configured ACS URL");
        }
    }
}
