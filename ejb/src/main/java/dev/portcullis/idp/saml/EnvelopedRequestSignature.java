package dev.portcullis.idp.saml;

import java.security.cert.X509Certificate;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.impl.SignatureImpl;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

/** The HTTP-POST binding: an XML signature enveloped in the AuthnRequest, covering the request itself. */
final class EnvelopedRequestSignature implements RequestSignature {

    private static final SAMLSignatureProfileValidator PROFILE = new SAMLSignatureProfileValidator();

    private final AuthnRequest request;

    EnvelopedRequestSignature(AuthnRequest request) {
        this.request = request;
    }

    @Override
    public boolean isPresent() {
        return request.getSignature() != null;
    }

    @Override
    public void verify(X509Certificate signerCertificate) throws SamlRequestException {
        Signature signature = request.getSignature();
        if (signature == null) {
            throw new SamlRequestException("AuthnRequest is not signed");
        }
        SignatureAlgorithms.jcaSignatureName(signature.getSignatureAlgorithm());
        try {
            // Rejects extra references, unexpected transforms and a reference to anything
            // but this request: the defences against signature wrapping.
            PROFILE.validate(signature);
        } catch (SignatureException e) {
            throw new SamlRequestException("AuthnRequest signature does not follow the SAML signature profile");
        }
        requireReferenceToOwnId(signature);
        try {
            SignatureValidator.validate(signature, new BasicX509Credential(signerCertificate));
        } catch (SignatureException e) {
            throw new SamlRequestException("AuthnRequest signature does not verify with the Okta certificate");
        }
    }

    private void requireReferenceToOwnId(Signature signature) throws SamlRequestException {
        if (!(signature instanceof SignatureImpl) || ((SignatureImpl) signature).getXMLSignature() == null) {
            throw new SamlRequestException("AuthnRequest signature could not be read");
        }
        XMLSignature xmlSignature = ((SignatureImpl) signature).getXMLSignature();
        SignedInfo signedInfo = xmlSignature.getSignedInfo();
        try {
            if (signedInfo.getLength() != 1) {
                throw new SamlRequestException("AuthnRequest signature must have exactly one reference");
            }
            Reference reference = signedInfo.item(0);
            if (request.getID() == null || !("#" + request.getID()).equals(reference.getURI())) {
                throw new SamlRequestException("AuthnRequest signature does not reference the request");
            }
            SignatureAlgorithms.requireAcceptedDigest(reference.getMessageDigestAlgorithm().getAlgorithmURI());
        } catch (XMLSecurityException e) {
            throw new SamlRequestException("AuthnRequest signature could not be read");
        }
    }
}
