package dev.portcullis.ca.scep;

import dev.portcullis.ca.TestDevice;
import java.security.Security;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jscep.message.CertRep;
import org.jscep.message.GetCrl;
import org.jscep.message.PkcsPkiEnvelopeDecoder;
import org.jscep.message.PkcsPkiEnvelopeEncoder;
import org.jscep.message.PkcsReq;
import org.jscep.message.PkiMessage;
import org.jscep.message.PkiMessageDecoder;
import org.jscep.message.PkiMessageEncoder;
import org.jscep.transaction.Nonce;
import org.jscep.transaction.TransactionId;

/**
 * jscep's own message classes, playing the device: an independent SCEP implementation that
 * builds the requests and judges the replies.
 */
final class JscepClient {

    /** A pkiMessage as sent, with what the client remembers to match the reply. */
    record Sent(byte[] body, TransactionId transactionId, Nonce senderNonce) {
    }

    private final TestDevice device;
    private final X509Certificate caCertificate;

    JscepClient(TestDevice device, X509Certificate caCertificate) {
        // jscep asks for the "BC" provider by name when it decodes replies.
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        this.device = device;
        this.caCertificate = caCertificate;
    }

    /** jscep's defaults when the CA advertises SHA-512 and AES. */
    Sent pkcsReq(PKCS10CertificationRequest csr) throws Exception {
        return pkcsReq(csr, "SHA512withRSA", "AES_128");
    }

    /** signatureAlgorithm as JCA names it; cipher one of jscep's DES, DESede, AES_128, AES_256. */
    Sent pkcsReq(PKCS10CertificationRequest csr, String signatureAlgorithm, String cipher) throws Exception {
        TransactionId transactionId = TransactionId.createTransactionId(device.keyPair().getPublic(), "SHA-1");
        return send(new PkcsReq(transactionId, Nonce.nextNonce(), csr), signatureAlgorithm, cipher);
    }

    Sent getCrl() throws Exception {
        TransactionId transactionId = TransactionId.createTransactionId(device.keyPair().getPublic(), "SHA-1");
        var issuerAndSerial = new IssuerAndSerialNumber(
                X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()),
                caCertificate.getSerialNumber());
        return send(new GetCrl(transactionId, Nonce.nextNonce(), issuerAndSerial), "SHA256withRSA", "AES_128");
    }

    private Sent send(PkiMessage<?> message, String signatureAlgorithm, String cipher) throws Exception {
        var encoder = new PkiMessageEncoder(device.keyPair().getPrivate(), device.selfSigned(),
                new PkcsPkiEnvelopeEncoder(caCertificate, cipher), signatureAlgorithm);
        return new Sent(encoder.encode(message).getEncoded(), message.getTransactionId(), message.getSenderNonce());
    }

    CertRep decode(byte[] reply) throws Exception {
        var decoder = new PkiMessageDecoder(caCertificate,
                new PkcsPkiEnvelopeDecoder(device.selfSigned(), device.keyPair().getPrivate()));
        return (CertRep) decoder.decode(new CMSSignedData(reply));
    }
}
