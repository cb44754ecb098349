package dev.portcullis.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class PemCertificateTest {

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void readsACertificateAndRefusesKeysAndGarbage() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair keys = g.generateKeyPair();
        X500Name name = new X500Name("CN=okta");
        byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(), new Date(System.currentTimeMillis() + 86_400_000L),
                name, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();

        assertEquals("CN=okta", PemCertificate.parse(pem("CERTIFICATE", der)).getSubjectX500Principal().getName());
        assertThrows(IllegalArgumentException.class, () -> PemCertificate.parse(pem("PRIVATE KEY", keys.getPrivate().getEncoded())));
        assertThrows(IllegalArgumentException.class, () -> PemCertificate.parse("garbage"));
        assertThrows(IllegalArgumentException.class, () -> PemCertificate.parse(pem("CERTIFICATE", new byte[] {1, 2, 3})));
        assertThrows(IllegalArgumentException.class,
                () -> PemCertificate.parse(pem("CERTIFICATE", der) + pem("CERTIFICATE", der)));
    }

    @Test
    void urlsMustBeAbsoluteHttps() {
        assertNull(HttpsUrl.problemWith("https://www.okta.com/saml2/service-provider/spabc"));
        assertEquals("must be an absolute https URL", HttpsUrl.problemWith("http://example.okta.com/sso"));
        assertEquals("must be an absolute https URL", HttpsUrl.problemWith("/relative"));
        assertNull(HttpsUrl.problemWith("http://portcullis.test:8080", false));
    }
}
