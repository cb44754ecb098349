package dev.portcullis.idp.saml;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/**
 * The HTTP-Redirect binding: a signature over the query octets exactly as received
 * ({@code SAMLRequest=..&RelayState=..&SigAlg=..}), never over re-encoded values.
 */
final class RedirectQuerySignature implements RequestSignature {

    private final String signedOctets;
    private final String algorithmUri;
    private final byte[] signatureValue;

    /** Any of the three may be null when the query did not carry them. */
    RedirectQuerySignature(String signedOctets, String algorithmUri, byte[] signatureValue) {
        this.signedOctets = signedOctets;
        this.algorithmUri = algorithmUri;
        this.signatureValue = signatureValue == null ? null : signatureValue.clone();
    }

    @Override
    public boolean isPresent() {
        return signatureValue != null;
    }

    @Override
    public void verify(X509Certificate signerCertificate) throws SamlRequestException {
        if (signatureValue == null) {
            throw new SamlRequestException("AuthnRequest is not signed");
        }
        if (algorithmUri == null) {
            throw new SamlRequestException("SigAlg is missing");
        }
        String jcaName = SignatureAlgorithms.jcaSignatureName(algorithmUri);
        boolean valid;
        try {
            java.security.Signature verifier = java.security.Signature.getInstance(jcaName);
            verifier.initVerify(signerCertificate.getPublicKey());
            verifier.update(signedOctets.getBytes(StandardCharsets.UTF_8));
            valid = verifier.verify(signatureValue);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new SamlRequestException("AuthnRequest query signature does not verify with the Okta certificate");
        }
    }
}
