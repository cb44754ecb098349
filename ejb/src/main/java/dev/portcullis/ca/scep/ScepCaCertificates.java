package dev.portcullis.ca.scep;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/** The GetCACert reply for a single CA with no RA: the CA certificate itself, DER encoded. */
public final class ScepCaCertificates {

    public static final String MEDIA_TYPE = "application/x-x509-ca-cert";

    private ScepCaCertificates() {
    }

    public static byte[] body(X509Certificate caCertificate) {
        try {
            return caCertificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("The CA certificate cannot be encoded", e);
        }
    }
}
