package dev.portcullis.settings;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads exactly one PEM X.509 certificate, refusing keys, bundles and anything else. */
public final class PemCertificate {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END CERTIFICATE-----");

    private PemCertificate() {
    }

    /** The certificate in {@code pem}; throws IllegalArgumentException with a reason a person can act on. */
    public static X509Certificate parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("certificate must not be empty");
        }
        if (pem.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException("a private key is not a certificate; upload the Okta certificate only");
        }
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("not a PEM certificate (expected -----BEGIN CERTIFICATE-----)");
        }
        String body = m.group(1).replaceAll("\\s", "");
        if (m.find()) {
            throw new IllegalArgumentException("expected one certificate, found several");
        }
        String outside = BLOCK.matcher(pem).replaceAll("").strip();
        if (!outside.isEmpty()) {
            throw new IllegalArgumentException("unexpected text around the PEM certificate");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not valid base64");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not a valid X.509 certificate");
        }
    }
}
