package dev.portcullis.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientCertificateIssuerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_CERT_SIGN = 5;

    private static KeyPairAndCertificate ca;
    private static TestDevice device;

    private final ClientCertificateIssuer issuer = new ClientCertificateIssuer();

    @BeforeAll
    static void createCaAndDevice() {
        ca = new CertificateAuthorityFactory().createScepCa("Portcullis SCEP CA", NOW);
        device = TestDevice.create();
    }

    private X509Certificate issue() {
        return issuer.issue(device.csrWithDeviceUuid(), ca, CertificateSerial.random(new SecureRandom()), NOW);
    }

    @Test
    void issuesClientAuthCertificateFor398Days() throws Exception {
        X509Certificate issued = issue();

        assertEquals(NOW.minus(Duration.ofMinutes(5)), issued.getNotBefore().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(398)), issued.getNotAfter().toInstant());
        assertEquals(List.of(KeyPurposeId.id_kp_clientAuth.getId()), issued.getExtendedKeyUsage());
        assertEquals("SHA256withRSA", issued.getSigAlgName());
    }

    @Test
    void issuesAnEndEntityCertificateForEncryptionAndSignatures() {
        X509Certificate issued = issue();

        assertEquals(-1, issued.getBasicConstraints());
        assertTrue(issued.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId()));
        boolean[] usage = issued.getKeyUsage();
        assertTrue(usage[DIGITAL_SIGNATURE] && usage[KEY_ENCIPHERMENT]);
        assertFalse(usage[KEY_CERT_SIGN]);
    }

    @Test
    void issuesForTheCsrSubjectKeyAndSerial() {
        CertificateSerial serial = CertificateSerial.random(new SecureRandom());
        PKCS10CertificationRequest csr = device.csrWithDeviceUuid();
        X509Certificate issued = issuer.issue(csr, ca, serial, NOW);

        assertEquals(csr.getSubject(), X500Name.getInstance(issued.getSubjectX500Principal().getEncoded()));
        assertEquals(ca.certificate().getSubjectX500Principal(), issued.getIssuerX500Principal());
        assertEquals(device.keyPair().getPublic(), issued.getPublicKey());
        assertEquals(serial.value(), issued.getSerialNumber());
    }

    @Test
    void copiesTheDeviceUuidUriIntoTheSubjectAltName() throws Exception {
        X509Certificate issued = issue();

        assertEquals(List.of(List.of(GeneralName.uniformResourceIdentifier,
                "urn:device:apple:uuid:" + TestDevice.UUID)), List.copyOf(issued.getSubjectAlternativeNames()));
    }

    @Test
    void issuedCertificateChainsToTheCa() throws Exception {
        X509Certificate issued = issue();

        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(issued));
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(NOW.plus(Duration.ofDays(1))));
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
        assertNotNull(issued.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
        assertNotNull(issued.getExtensionValue(Extension.subjectKeyIdentifier.getId()));
    }

    @Test
    void refusesACsrWithoutSubjectAltName() {
        PKCS10CertificationRequest withoutSan = device.csr(null, new DERPrintableString(TestDevice.CHALLENGE));

        assertThrows(IllegalArgumentException.class,
                () -> issuer.issue(withoutSan, ca, CertificateSerial.random(new SecureRandom()), NOW));
    }

    @Test
    void readsTheDeviceUuidInUpperCase() {
        assertEquals(Optional.of(TestDevice.UUID.toUpperCase()),
                ClientCertificateIssuer.deviceUuid(device.csrWithDeviceUuid()));
    }

    @Test
    void readsAnIphoneHardwareUdid() {
        PKCS10CertificationRequest csr = device.csr("urn:device:apple:uuid:00008030-001a35e90c38802e", null);

        assertEquals(Optional.of("00008030-001A35E90C38802E"), ClientCertificateIssuer.deviceUuid(csr));
    }

    @Test
    void findsNoDeviceUuidWithoutSubjectAltName() {
        assertEquals(Optional.empty(), ClientCertificateIssuer.deviceUuid(device.csr(null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "urn:device:apple:uuid:",
        "urn:device:apple:uuid:not-a-uuid-at-all-zzzz",
        "urn:device:apple:uuid:5d3c1a2b--9e8f-4a7b-8c6d-1e2f3a4b5c6d",
        "urn:device:apple:uuid:5d3c1a2b-9e8f-4a7b-8c6d-1e2f3a4b5c6d-",
        "urn:device:apple:uuid:ABC",
        "https://example.com/5d3c1a2b-9e8f-4a7b-8c6d-1e2f3a4b5c6d",
    })
    void findsNoDeviceUuidInOtherUris(String uri) {
        assertEquals(Optional.empty(), ClientCertificateIssuer.deviceUuid(device.csr(uri, null)));
    }

    @Test
    void readsTheChallengePasswordInAnyStringType() {
        assertEquals(Optional.of(TestDevice.CHALLENGE),
                ClientCertificateIssuer.challengePassword(device.csrWithDeviceUuid()));
        assertEquals(Optional.of("pässwörd"), ClientCertificateIssuer.challengePassword(
                device.csr(null, new DERUTF8String("pässwörd"))));
        assertEquals(Optional.of("ia5"), ClientCertificateIssuer.challengePassword(
                device.csr(null, new DERIA5String("ia5"))));
    }

    @Test
    void findsNoChallengePasswordWhenAbsent() {
        assertEquals(Optional.empty(), ClientCertificateIssuer.challengePassword(device.csr(null, null)));
    }
}
