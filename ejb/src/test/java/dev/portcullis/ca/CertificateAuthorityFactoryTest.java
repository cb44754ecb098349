package dev.portcullis.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

class CertificateAuthorityFactoryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    // keyUsage bits as X509Certificate.getKeyUsage() orders them.
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    private final CertificateAuthorityFactory factory = new CertificateAuthorityFactory();

    @Test
    void createsSelfSignedTenYearScepCa() throws Exception {
        X509Certificate ca = factory.createScepCa("Portcullis SCEP CA", NOW).certificate();

        ca.verify(ca.getPublicKey());
        assertEquals("CN=Portcullis SCEP CA", ca.getSubjectX500Principal().getName());
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        assertEquals(2048, ((RSAPublicKey) ca.getPublicKey()).getModulus().bitLength());
        assertEquals("SHA256withRSA", ca.getSigAlgName());
        assertEquals(NOW.atZone(ZoneOffset.UTC).plusYears(10).toInstant(), ca.getNotAfter().toInstant());
        assertTrue(ca.getSerialNumber().bitLength() > 64);
    }

    @Test
    void marksTheScepCaAsCriticalCaThatSignsCertificatesAndCrls() {
        X509Certificate ca = factory.createScepCa("Portcullis SCEP CA", NOW).certificate();

        assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints());
        assertTrue(ca.getCriticalExtensionOIDs().contains(Extension.basicConstraints.getId()));
        assertTrue(ca.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId()));
        boolean[] usage = ca.getKeyUsage();
        assertTrue(usage[KEY_CERT_SIGN] && usage[CRL_SIGN] && usage[DIGITAL_SIGNATURE]);
        assertFalse(usage[KEY_ENCIPHERMENT]);
        assertNotNull(ca.getExtensionValue(Extension.subjectKeyIdentifier.getId()));
        assertNotNull(ca.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
    }

    @Test
    void createsSigningIdentityThatIsNotACa() throws Exception {
        X509Certificate signer = factory.createSigningIdentity("Portcullis IdP", NOW).certificate();

        signer.verify(signer.getPublicKey());
        assertEquals(-1, signer.getBasicConstraints());
        boolean[] usage = signer.getKeyUsage();
        assertTrue(usage[DIGITAL_SIGNATURE]);
        assertFalse(usage[KEY_CERT_SIGN]);
        assertEquals(NOW.atZone(ZoneOffset.UTC).plusYears(10).toInstant(), signer.getNotAfter().toInstant());
    }

    @Test
    void keepsACommaInTheCommonNameInsideOneAttribute() {
        X509Certificate ca = factory.createScepCa("Acme, Inc. CA", NOW).certificate();

        assertEquals("CN=Acme\\, Inc. CA", ca.getSubjectX500Principal().getName());
    }

    @Test
    void refusesABlankCommonName() {
        assertThrows(IllegalArgumentException.class, () -> factory.createScepCa(" ", NOW));
    }
}
