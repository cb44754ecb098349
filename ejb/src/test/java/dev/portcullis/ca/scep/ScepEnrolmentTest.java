package dev.portcullis.ca.scep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ca.CertificateAuthorityFactory;
import dev.portcullis.ca.CertificateSerial;
import dev.portcullis.ca.ClientCertificateIssuer;
import dev.portcullis.ca.KeyPairAndCertificate;
import dev.portcullis.ca.TestDevice;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.jscep.message.CertRep;
import org.jscep.transaction.PkiStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A whole enrolment: jscep sends a PKCSReq, we read it, issue, reply, and jscep takes the reply. */
class ScepEnrolmentTest {

    private static KeyPairAndCertificate ca;
    private static TestDevice device;
    private static JscepClient client;

    private final PkiMessageReader reader = new PkiMessageReader();
    private final ClientCertificateIssuer issuer = new ClientCertificateIssuer();
    private final CertRepWriter writer = new CertRepWriter();

    @BeforeAll
    static void createCaAndDevice() {
        ca = new CertificateAuthorityFactory().createScepCa("Portcullis SCEP CA", Instant.now());
        device = TestDevice.create();
        client = new JscepClient(device, ca.certificate());
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
        "SHA512withRSA, AES_128, SHA512, AES_128_CBC",
        "SHA256withRSA, AES_256, SHA256, AES_256_CBC",
        "SHA1withRSA,   DESede,  SHA1,   DES_EDE3_CBC",
    })
    void readsWhatJscepSends(String signatureAlgorithm, String cipher, DigestAlgorithm digest,
            ContentEncryption encryption) throws Exception {
        JscepClient.Sent sent = client.pkcsReq(device.csrWithDeviceUuid(), signatureAlgorithm, cipher);

        PkiRequest request = reader.read(sent.body(), ca);

        assertEquals(ScepMessageType.PKCS_REQ, request.messageType());
        assertEquals(sent.transactionId().toString(), request.transactionId());
        assertArrayEquals(sent.senderNonce().getBytes(), request.senderNonce());
        assertEquals(device.selfSigned(), request.signerCertificate());
        assertEquals(digest, request.digestAlgorithm());
        assertEquals(encryption, request.contentEncryption());
        assertEquals(Optional.of(TestDevice.UUID.toUpperCase()), ClientCertificateIssuer.deviceUuid(request.csr()));
        assertEquals(Optional.of(TestDevice.CHALLENGE), ClientCertificateIssuer.challengePassword(request.csr()));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
        "SHA512withRSA, AES_128",
        "SHA256withRSA, AES_256",
        "SHA1withRSA,   DESede",
    })
    void jscepReceivesTheIssuedCertificateChainingToTheCa(String signatureAlgorithm, String cipher)
            throws Exception {
        JscepClient.Sent sent = client.pkcsReq(device.csrWithDeviceUuid(), signatureAlgorithm, cipher);
        PkiRequest request = reader.read(sent.body(), ca);
        X509Certificate issued = issuer.issue(request.csr(), ca, CertificateSerial.random(new SecureRandom()),
                Instant.now());

        CertRep reply = client.decode(writer.success(request, issued, ca));

        assertEquals(PkiStatus.SUCCESS, reply.getPkiStatus());
        assertEquals(sent.transactionId(), reply.getTransactionId());
        assertEquals(sent.senderNonce(), reply.getRecipientNonce());
        List<X509Certificate> delivered = certificates(reply.getMessageData());
        assertTrue(delivered.contains(issued), "the issued certificate is in the reply");
        assertTrue(delivered.contains(ca.certificate()), "the CA certificate is in the reply");
        assertChainsToCa(issued);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SHA512withRSA, 2.16.840.1.101.3.4.2.3",
        "SHA256withRSA, 2.16.840.1.101.3.4.2.1",
        "SHA1withRSA,   1.3.14.3.2.26",
    })
    void signsTheCertRepWithTheRequestDigest(String signatureAlgorithm, String digestOid) throws Exception {
        PkiRequest request = reader.read(
                client.pkcsReq(device.csrWithDeviceUuid(), signatureAlgorithm, "AES_128").body(), ca);
        X509Certificate issued = issuer.issue(request.csr(), ca, CertificateSerial.random(new SecureRandom()),
                Instant.now());

        CMSSignedData reply = new CMSSignedData(writer.success(request, issued, ca));

        assertEquals(digestOid, reply.getSignerInfos().getSigners().iterator().next().getDigestAlgOID());
    }

    private static List<X509Certificate> certificates(CMSSignedData certsOnly) throws Exception {
        var converter = new JcaX509CertificateConverter();
        var certificates = new java.util.ArrayList<X509Certificate>();
        for (X509CertificateHolder holder : certsOnly.getCertificates().getMatches(null)) {
            certificates.add(converter.getCertificate(holder));
        }
        return certificates;
    }

    private static void assertChainsToCa(X509Certificate issued) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(issued));
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }
}
