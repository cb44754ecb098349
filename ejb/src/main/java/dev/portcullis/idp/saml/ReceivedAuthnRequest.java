package dev.portcullis.idp.saml;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.NameID;

/**
 * An AuthnRequest as received over one binding: the values the flow needs, and its
 * signature, which the caller verifies with the configured Okta certificate.
 * Issuer, destination, time and replay are checked by the caller (see {@link AuthnRequestRules}).
 */
public final class ReceivedAuthnRequest {

    private final String id;
    private final String version;
    private final String issuer;
    private final String destination;
    private final Instant issueInstant;
    private final String assertionConsumerServiceUrl;
    private final String nameId;
    private final String nameIdFormat;
    private final String relayState;
    private final RequestSignature signature;

    ReceivedAuthnRequest(AuthnRequest request, String relayState, RequestSignature signature) throws SamlRequestException {
        this.id = request.getID();
        if (id == null || id.isBlank()) {
            throw new SamlRequestException("AuthnRequest has no ID");
        }
        this.issueInstant = request.getIssueInstant();
        if (issueInstant == null) {
            throw new SamlRequestException("AuthnRequest has no IssueInstant");
        }
        this.version = request.getVersion() == null ? null : request.getVersion().toString();
        this.issuer = request.getIssuer() == null ? null : trimmed(request.getIssuer().getValue());
        this.destination = request.getDestination();
        this.assertionConsumerServiceUrl = request.getAssertionConsumerServiceURL();
        NameID subjectNameId = request.getSubject() == null ? null : request.getSubject().getNameID();
        this.nameId = subjectNameId == null ? null : trimmed(subjectNameId.getValue());
        String policyFormat = request.getNameIDPolicy() == null ? null : request.getNameIDPolicy().getFormat();
        this.nameIdFormat = policyFormat != null ? policyFormat : subjectNameId == null ? null : subjectNameId.getFormat();
        this.relayState = relayState;
        this.signature = Objects.requireNonNull(signature);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    public String id() {
        return id;
    }

    /** The SAML version as written, e.g. "2.0". */
    public String version() {
        return version;
    }

    /** The Issuer value, or null when the request names none. */
    public String issuer() {
        return issuer;
    }

    /** The Destination attribute, or null when absent. */
    public String destination() {
        return destination;
    }

    public Instant issueInstant() {
        return issueInstant;
    }

    /** The AssertionConsumerServiceURL attribute, or null when absent. */
    public String assertionConsumerServiceUrl() {
        return assertionConsumerServiceUrl;
    }

    /** The NameID of the request's Subject (Okta sends the user's login), or null. */
    public String nameId() {
        return nameId;
    }

    /** The NameIDPolicy format, else the Subject NameID's format, or null. */
    public String nameIdFormat() {
        return nameIdFormat;
    }

    /** The RelayState received with the request, or null (the HTTP-POST layer reads its own). */
    public String relayState() {
        return relayState;
    }

    public boolean isSigned() {
        return signature.isPresent();
    }

    /** Throws unless the request is signed and the signature verifies with Okta's certificate. */
    public void verifySignature(X509Certificate oktaCertificate) throws SamlRequestException {
        Objects.requireNonNull(oktaCertificate, "oktaCertificate");
        signature.verify(oktaCertificate);
    }
}
