package dev.portcullis.idp.saml;

import java.security.cert.X509Certificate;

/** How a received request is signed; differs per binding (enveloped XML or query string). */
interface RequestSignature {

    boolean isPresent();

    /** Throws unless the request carries a signature that verifies with the certificate. */
    void verify(X509Certificate signerCertificate) throws SamlRequestException;
}
