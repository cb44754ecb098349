package dev.portcullis.idp.saml;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.Signer;

/**
 * Builds the successful Response that tells Okta the factor passed: one bearer Assertion,
 * signed enveloped with RSA-SHA256, exclusive canonicalisation and a SHA-256 digest.
 * A builder is for one response; build() may be called once per builder.
 */
public final class SamlResponseBuilder {

    public static final String AUTHN_CONTEXT_X509 = "urn:oasis:names:tc:SAML:2.0:ac:classes:X509";
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);
    public static final Duration DEFAULT_NOT_BEFORE_SKEW = Duration.ofSeconds(60);

    private String inResponseTo;
    private String nameId;
    private String nameIdFormat = NameIDType.UNSPECIFIED;
    private String issuer;
    private String audience;
    private String acsUrl;
    private Instant now;
    private Duration validity = DEFAULT_VALIDITY;
    private Duration notBeforeSkew = DEFAULT_NOT_BEFORE_SKEW;
    private String sessionIndex;
    private String authnContextClassRef = AUTHN_CONTEXT_X509;
    private PrivateKey signingKey;
    private X509Certificate signingCertificate;

    public SamlResponseBuilder() {
        SamlRuntime.initialize();
    }

    /** The ID of the AuthnRequest being answered. */
    public SamlResponseBuilder inResponseTo(String requestId) {
        this.inResponseTo = requestId;
        return this;
    }

    public SamlResponseBuilder nameId(String value) {
        this.nameId = value;
        return this;
    }

    /** Defaults to unspecified, which is what Okta asks for. */
    public SamlResponseBuilder nameIdFormat(String format) {
        this.nameIdFormat = format == null ? NameIDType.UNSPECIFIED : format;
        return this;
    }

    /** Our IdP entity ID. */
    public SamlResponseBuilder issuer(String entityId) {
        this.issuer = entityId;
        return this;
    }

    /** The Audience URI Okta expects (its SP entity ID). */
    public SamlResponseBuilder audience(String audienceUri) {
        this.audience = audienceUri;
        return this;
    }

    /** Okta's ACS URL: the Response Destination and the SubjectConfirmation Recipient. */
    public SamlResponseBuilder acsUrl(String url) {
        this.acsUrl = url;
        return this;
    }

    public SamlResponseBuilder now(Instant instant) {
        this.now = instant;
        return this;
    }

    public SamlResponseBuilder validity(Duration duration) {
        this.validity = duration;
        return this;
    }

    /** How far NotBefore lies in the past, for SPs whose clock runs behind ours. */
    public SamlResponseBuilder notBeforeSkew(Duration skew) {
        this.notBeforeSkew = skew;
        return this;
    }

    /** Defaults to a fresh random ID. */
    public SamlResponseBuilder sessionIndex(String index) {
        this.sessionIndex = index;
        return this;
    }

    public SamlResponseBuilder authnContextClassRef(String classRef) {
        this.authnContextClassRef = classRef;
        return this;
    }

    public SamlResponseBuilder signWith(PrivateKey key, X509Certificate certificate) {
        this.signingKey = key;
        this.signingCertificate = certificate;
        return this;
    }

    public SignedSamlResponse build() {
        requireSet(inResponseTo, "inResponseTo");
        requireSet(nameId, "nameId");
        requireSet(issuer, "issuer");
        requireSet(audience, "audience");
        requireSet(acsUrl, "acsUrl");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(notBeforeSkew, "notBeforeSkew");
        Objects.requireNonNull(signingKey, "signing key");
        Objects.requireNonNull(signingCertificate, "signing certificate");

        Instant notOnOrAfter = now.plus(validity);
        Assertion assertion = SamlXml.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(SamlIds.newId());
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(now);
        assertion.setIssuer(issuer());
        assertion.setSubject(subject(notOnOrAfter));
        assertion.setConditions(conditions(notOnOrAfter));
        assertion.getAuthnStatements().add(authnStatement());
        Signature signature = signature();
        assertion.setSignature(signature);
        // The reference is created by setSignature; make its digest explicit.
        ((SAMLObjectContentReference) signature.getContentReferences().get(0))
                .setDigestAlgorithm(SignatureConstants.ALGO_ID_DIGEST_SHA256);

        Response response = SamlXml.build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(SamlIds.newId());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(now);
        response.setInResponseTo(inResponseTo);
        response.setDestination(acsUrl);
        response.setIssuer(issuer());
        response.setStatus(success());
        response.getAssertions().add(assertion);

        // Sign after marshalling the whole Response, so the DOM that is signed is the one serialised.
        SamlXml.marshal(response);
        try {
            Signer.signObject(signature);
        } catch (SignatureException e) {
            throw new IllegalStateException("Assertion could not be signed", e);
        }
        return new SignedSamlResponse(response.getID(), SamlXml.serialize(response.getDOM()));
    }

    private static void requireSet(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is required");
        }
    }

    private Issuer issuer() {
        Issuer element = SamlXml.build(Issuer.DEFAULT_ELEMENT_NAME);
        element.setValue(issuer);
        return element;
    }

    private Subject subject(Instant notOnOrAfter) {
        NameID name = SamlXml.build(NameID.DEFAULT_ELEMENT_NAME);
        name.setValue(nameId);
        name.setFormat(nameIdFormat);

        SubjectConfirmationData data = SamlXml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setInResponseTo(inResponseTo);
        data.setNotOnOrAfter(notOnOrAfter);
        data.setRecipient(acsUrl);
        SubjectConfirmation confirmation = SamlXml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        confirmation.setSubjectConfirmationData(data);

        Subject subject = SamlXml.build(Subject.DEFAULT_ELEMENT_NAME);
        subject.setNameID(name);
        subject.getSubjectConfirmations().add(confirmation);
        return subject;
    }

    private Conditions conditions(Instant notOnOrAfter) {
        Audience audienceElement = SamlXml.build(Audience.DEFAULT_ELEMENT_NAME);
        audienceElement.setURI(audience);
        AudienceRestriction restriction = SamlXml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        restriction.getAudiences().add(audienceElement);

        Conditions conditions = SamlXml.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(now.minus(notBeforeSkew));
        conditions.setNotOnOrAfter(notOnOrAfter);
        conditions.getAudienceRestrictions().add(restriction);
        return conditions;
    }

    private AuthnStatement authnStatement() {
        AuthnContextClassRef classRef = SamlXml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        classRef.setURI(authnContextClassRef);
        AuthnContext context = SamlXml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
        context.setAuthnContextClassRef(classRef);

        AuthnStatement statement = SamlXml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        statement.setAuthnInstant(now);
        statement.setSessionIndex(sessionIndex != null ? sessionIndex : SamlIds.newId());
        statement.setAuthnContext(context);
        return statement;
    }

    private static Status success() {
        StatusCode code = SamlXml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        Status status = SamlXml.build(Status.DEFAULT_ELEMENT_NAME);
        status.setStatusCode(code);
        return status;
    }

    private Signature signature() {
        Signature signature = SamlXml.build(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(new BasicX509Credential(signingCertificate, signingKey));
        signature.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        signature.setKeyInfo(CertificateKeyInfo.of(signingCertificate));
        return signature;
    }
}
