package dev.portcullis.ca.scep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ca.CertificateAuthorityFactory;
import dev.portcullis.ca.CertificateSerial;
import dev.portcullis.ca.ClientCertificateIssuer;
import dev.portcullis.ca.KeyPairAndCertificate;
import dev.portcullis.ca.TestDevice;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PkiMessageReaderTest {

    private static KeyPairAndCertificate ca;
    private static TestDevice device;
    private static JscepClient client;

    private final PkiMessageReader reader = new PkiMessageReader();

    @BeforeAll
    static void createCaAndDevice() {
        ca = new CertificateAuthorityFactory().createScepCa("Portcullis SCEP CA", Instant.now());
        device = TestDevice.create();
        client = new JscepClient(device, ca.certificate());
    }

    static byte[][] notSignedData() throws Exception {
        byte[] random = new byte[512];
        new Random(42).nextBytes(random);
        CMSEnvelopedDataGenerator enveloped = new CMSEnvelopedDataGenerator();
        enveloped.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(ca.certificate()));
        byte[] envelopedData = enveloped.generate(new CMSProcessableByteArray(new byte[] {1, 2, 3}),
                new JceCMSContentEncryptorBuilder(NISTObjectIdentifiers.id_aes128_CBC).build()).getEncoded();
        byte[] valid = client.pkcsReq(device.csrWithDeviceUuid()).body();
        return new byte[][] {
            new byte[0],
            random,
            "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgMFADCABgkqhkiG9w0BBwGggCSABIIC".getBytes(StandardCharsets.US_ASCII),
            envelopedData,
            Arrays.copyOf(valid, valid.length / 2),
            ca.certificate().getEncoded(),
        };
    }

    @ParameterizedTest
    @MethodSource("notSignedData")
    void refusesBodiesThatAreNotSignedDataBeforeAnyCryptography(byte[] body) {
        assertThrows(MalformedScepMessageException.class, () -> reader.read(body, ca));
    }

    @Test
    void refusesATamperedSignatureWithBadMessageCheck() throws Exception {
        JscepClient.Sent sent = client.pkcsReq(device.csrWithDeviceUuid());
        byte[] tampered = flipOneSignatureBit(sent.body());

        ScepRequestException refusal = assertThrows(ScepRequestException.class, () -> reader.read(tampered, ca));

        assertEquals(FailInfo.BAD_MESSAGE_CHECK, refusal.failInfo());
        assertEquals(sent.transactionId().toString(), refusal.transactionId().orElseThrow());
        assertArrayEquals(sent.senderNonce().getBytes(), refusal.senderNonce().orElseThrow());
        assertEquals(device.selfSigned(), refusal.signerCertificate().orElseThrow());
        assertTrue(refusal.canBeAnswered());
    }

    @Test
    void refusesACsrWithABadSignatureWithBadMessageCheck() throws Exception {
        PKCS10CertificationRequest good = device.csrWithDeviceUuid();
        CertificationRequest structure = good.toASN1Structure();
        byte[] signature = structure.getSignature().getOctets();
        signature[signature.length / 2] ^= 0x01;
        PKCS10CertificationRequest forged = new PKCS10CertificationRequest(new CertificationRequest(
                structure.getCertificationRequestInfo(), structure.getSignatureAlgorithm(), new DERBitString(signature)));

        ScepRequestException refusal = assertThrows(ScepRequestException.class,
                () -> reader.read(client.pkcsReq(forged).body(), ca));

        assertEquals(FailInfo.BAD_MESSAGE_CHECK, refusal.failInfo());
    }

    @Test
    void refusesSingleDesWithBadAlg() throws Exception {
        JscepClient.Sent sent = client.pkcsReq(device.csrWithDeviceUuid(), "SHA256withRSA", "DES");

        ScepRequestException refusal = assertThrows(ScepRequestException.class, () -> reader.read(sent.body(), ca));

        assertEquals(FailInfo.BAD_ALG, refusal.failInfo());
        assertEquals(sent.transactionId().toString(), refusal.transactionId().orElseThrow());
    }

    @Test
    void refusesMessagesOtherThanEnrolmentWithBadRequest() throws Exception {
        JscepClient.Sent sent = client.getCrl();

        ScepRequestException refusal = assertThrows(ScepRequestException.class, () -> reader.read(sent.body(), ca));

        assertEquals(FailInfo.BAD_REQUEST, refusal.failInfo());
        assertEquals(sent.transactionId().toString(), refusal.transactionId().orElseThrow());
    }

    @Test
    void refusesAnEnvelopeForAnotherCaWithBadMessageCheck() throws Exception {
        KeyPairAndCertificate otherCa = new CertificateAuthorityFactory().createScepCa("Other CA", Instant.now());
        byte[] forOtherCa = new JscepClient(device, otherCa.certificate()).pkcsReq(device.csrWithDeviceUuid()).body();

        ScepRequestException refusal = assertThrows(ScepRequestException.class, () -> reader.read(forOtherCa, ca));

        assertEquals(FailInfo.BAD_MESSAGE_CHECK, refusal.failInfo());
    }

    @Test
    void readsARenewalSignedWithAnIssuedCertificate() throws Exception {
        PKCS10CertificationRequest csr = device.csrWithDeviceUuid();
        X509Certificate current = new ClientCertificateIssuer().issue(csr, ca,
                CertificateSerial.random(new SecureRandom()), Instant.now());
        byte[] nonce = new byte[16];
        byte[] body = HandBuiltPkiMessage.build("17", "renewal-1", nonce, csr, device.keyPair().getPrivate(),
                current, ca.certificate());

        PkiRequest request = reader.read(body, ca);

        assertEquals(ScepMessageType.RENEWAL_REQ, request.messageType());
        assertTrue(request.isRenewal());
        assertEquals(current, request.signerCertificate());
        assertEquals("renewal-1", request.transactionId());
    }

    @Test
    void refusesAMessageWithoutTransactionIdAsUnanswerable() throws Exception {
        byte[] body = HandBuiltPkiMessage.build("19", null, new byte[16], device.csrWithDeviceUuid(),
                device.keyPair().getPrivate(), device.selfSigned(), ca.certificate());

        ScepRequestException refusal = assertThrows(ScepRequestException.class, () -> reader.read(body, ca));

        assertEquals(FailInfo.BAD_REQUEST, refusal.failInfo());
        assertFalse(refusal.canBeAnswered());
    }

    @Test
    void describesTheRequestWithoutItsChallengePassword() throws Exception {
        PkiRequest request = reader.read(client.pkcsReq(device.csrWithDeviceUuid()).body(), ca);

        assertFalse(request.toString().contains(TestDevice.CHALLENGE));
        assertFalse(ca.toString().contains(ca.privateKey().toString()));
    }

    private static byte[] flipOneSignatureBit(byte[] body) throws Exception {
        byte[] signature = new CMSSignedData(body).getSignerInfos().getSigners().iterator().next().getSignature();
        int at = indexOf(body, signature);
        assertTrue(at >= 0, "the signature bytes are in the message");
        byte[] tampered = body.clone();
        tampered[at + signature.length / 2] ^= 0x01;
        return tampered;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
