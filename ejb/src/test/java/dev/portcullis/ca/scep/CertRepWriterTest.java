package dev.portcullis.ca.scep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.ca.CertificateAuthorityFactory;
import dev.portcullis.ca.CertificateSerial;
import dev.portcullis.ca.ClientCertificateIssuer;
import dev.portcullis.ca.KeyPairAndCertificate;
import dev.portcullis.ca.TestDevice;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.jscep.message.CertRep;
import org.jscep.transaction.PkiStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertRepWriterTest {

    private static KeyPairAndCertificate ca;
    private static TestDevice device;
    private static JscepClient client;

    private final PkiMessageReader reader = new PkiMessageReader();
    private final CertRepWriter writer = new CertRepWriter();

    @BeforeAll
    static void createCaAndDevice() {
        ca = new CertificateAuthorityFactory().createScepCa("Portcullis SCEP CA", Instant.now());
        device = TestDevice.create();
        client = new JscepClient(device, ca.certificate());
    }

    @ParameterizedTest
    @EnumSource(FailInfo.class)
    void jscepReadsTheFailInfoOfAFailure(FailInfo failInfo) throws Exception {
        JscepClient.Sent sent = client.pkcsReq(device.csrWithDeviceUuid());
        PkiRequest request = reader.read(sent.body(), ca);

        CertRep reply = client.decode(writer.failure(request, failInfo, ca));

        assertEquals(PkiStatus.FAILURE, reply.getPkiStatus());
        assertEquals(failInfo.code(), reply.getFailInfo().getValue());
        assertEquals(failInfo.name().replace("_", ""), reply.getFailInfo().name().toUpperCase());
        assertEquals(sent.transactionId(), reply.getTransactionId());
        assertEquals(sent.senderNonce(), reply.getRecipientNonce());
    }

    @Test
    void answersAReaderRefusalWithItsFailInfo() throws Exception {
        JscepClient.Sent sent = client.pkcsReq(device.csrWithDeviceUuid(), "SHA256withRSA", "DES");
        ScepRequestException refusal = assertThrows(ScepRequestException.class, () -> reader.read(sent.body(), ca));

        CertRep reply = client.decode(writer.failure(refusal, ca));

        assertEquals(PkiStatus.FAILURE, reply.getPkiStatus());
        assertEquals(org.jscep.transaction.FailInfo.badAlg, reply.getFailInfo());
        assertEquals(sent.transactionId(), reply.getTransactionId());
        assertEquals(sent.senderNonce(), reply.getRecipientNonce());
    }

    @Test
    void refusesToAnswerARefusalWithoutATransaction() {
        var anonymous = new ScepRequestException(FailInfo.BAD_REQUEST, "no attributes", null, null, null, null);

        assertThrows(IllegalArgumentException.class, () -> writer.failure(anonymous, ca));
    }

    @Test
    void encapsulatesNoContentInAFailure() throws Exception {
        PkiRequest request = reader.read(client.pkcsReq(device.csrWithDeviceUuid()).body(), ca);

        CMSSignedData reply = new CMSSignedData(writer.failure(request, FailInfo.BAD_REQUEST, ca));

        assertNull(reply.getSignedContent());
    }

    @Test
    void encodesEveryLayerOfASuccessAsDer() throws Exception {
        PkiRequest request = reader.read(client.pkcsReq(device.csrWithDeviceUuid()).body(), ca);
        var issued = new ClientCertificateIssuer().issue(request.csr(), ca,
                CertificateSerial.random(new SecureRandom()), Instant.now());

        byte[] reply = writer.success(request, issued, ca);
        byte[] envelope = (byte[]) new CMSSignedData(reply).getSignedContent().getContent();
        byte[] certsOnly = new CMSEnvelopedData(envelope).getRecipientInfos()
                .get(new JceKeyTransRecipientId(device.selfSigned()))
                .getContent(new JceKeyTransEnvelopedRecipient(device.keyPair().getPrivate()));

        assertDer(reply);
        assertDer(envelope);
        assertDer(certsOnly);
    }

    @Test
    void encodesAFailureAsDer() throws Exception {
        PkiRequest request = reader.read(client.pkcsReq(device.csrWithDeviceUuid()).body(), ca);

        assertDer(writer.failure(request, FailInfo.BAD_REQUEST, ca));
    }

    @Test
    void sendsAFreshSenderNonce() throws Exception {
        JscepClient.Sent sent = client.pkcsReq(device.csrWithDeviceUuid());
        PkiRequest request = reader.read(sent.body(), ca);

        CertRep first = client.decode(writer.failure(request, FailInfo.BAD_REQUEST, ca));
        CertRep second = client.decode(writer.failure(request, FailInfo.BAD_REQUEST, ca));

        assertEquals(16, first.getSenderNonce().getBytes().length);
        assertFalse(Arrays.equals(sent.senderNonce().getBytes(), first.getSenderNonce().getBytes()));
        assertFalse(Arrays.equals(first.getSenderNonce().getBytes(), second.getSenderNonce().getBytes()));
    }

    private static void assertDer(byte[] encoded) throws Exception {
        assertArrayEquals(ASN1Primitive.fromByteArray(encoded).getEncoded(ASN1Encoding.DER), encoded,
                "the encoding is DER");
    }
}
