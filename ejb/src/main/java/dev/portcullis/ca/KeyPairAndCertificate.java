package dev.portcullis.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A certificate together with its private key, as a CA or a signer holds them. */
public record KeyPairAndCertificate(PrivateKey privateKey, X509Certificate certificate) {

    public KeyPairAndCertificate {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    // The record's default toString would print the private key.
    @Override
    public String toString() {
        return "KeyPairAndCertificate[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
