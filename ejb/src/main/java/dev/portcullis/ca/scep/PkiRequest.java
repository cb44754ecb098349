package dev.portcullis.ca.scep;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A verified and decrypted PKCSReq or RenewalReq. The signer certificate is the requester's
 * own: self-signed for a first enrolment, a certificate we issued for a renewal. Whether it
 * is acceptable is policy, decided by the caller.
 */
public record PkiRequest(
        ScepMessageType messageType,
        String transactionId,
        byte[] senderNonce,
        X509Certificate signerCertificate,
        DigestAlgorithm digestAlgorithm,
        ContentEncryption contentEncryption,
        PKCS10CertificationRequest csr) {

    public PkiRequest {
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(transactionId, "transactionId");
        senderNonce = Objects.requireNonNull(senderNonce, "senderNonce").clone();
        Objects.requireNonNull(signerCertificate, "signerCertificate");
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        Objects.requireNonNull(contentEncryption, "contentEncryption");
        Objects.requireNonNull(csr, "csr");
    }

    @Override
    public byte[] senderNonce() {
        return senderNonce.clone();
    }

    public boolean isRenewal() {
        return messageType == ScepMessageType.RENEWAL_REQ;
    }

    // Leaves out the CSR, whose attributes hold the challenge password.
    @Override
    public String toString() {
        return "PkiRequest[" + messageType + ", transactionId=" + transactionId + ", signer="
                + signerCertificate.getSubjectX500Principal().getName() + ", " + digestAlgorithm + ", "
                + contentEncryption + "]";
    }
}
