package dev.portcullis.settings;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads exactly one PEM X.509 certificate; anything else (a key, garbage, several) is refused. */
public final class PemCertificates {

    private static final Pattern PEM = Pattern.compile(
            "\\A\\s*-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----\\s*\\z");

    private PemCertificates() {
    }

    public static X509Certificate parse(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("certificate is missing");
        }
        Matcher m = PEM.matcher(pem);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a single PEM-encoded X.509 certificate "
                    + "(-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(m.group(1));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("the PEM block is not a valid X.509 certificate");
        }
    }

    public static String toPem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
