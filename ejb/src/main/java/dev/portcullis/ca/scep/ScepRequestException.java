package dev.portcullis.ca.scep;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A pkiMessage that was read far enough to be answered but must be refused. It carries the
 * failInfo for the client and whatever of the request was read before the fault, so that
 * a FAILURE CertRep can echo the transaction.
 */
public class ScepRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailInfo failInfo;
    private final String transactionId;
    private final byte[] senderNonce;
    private final X509Certificate signerCertificate;
    private final DigestAlgorithm digestAlgorithm;

    public ScepRequestException(FailInfo failInfo, String reason, String transactionId, byte[] senderNonce,
            X509Certificate signerCertificate, DigestAlgorithm digestAlgorithm) {
        super(reason);
        this.failInfo = failInfo;
        this.transactionId = transactionId;
        this.senderNonce = senderNonce == null ? null : senderNonce.clone();
        this.signerCertificate = signerCertificate;
        this.digestAlgorithm = digestAlgorithm;
    }

    public FailInfo failInfo() {
        return failInfo;
    }

    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }

    public Optional<byte[]> senderNonce() {
        return Optional.ofNullable(senderNonce).map(byte[]::clone);
    }

    public Optional<X509Certificate> signerCertificate() {
        return Optional.ofNullable(signerCertificate);
    }

    public Optional<DigestAlgorithm> digestAlgorithm() {
        return Optional.ofNullable(digestAlgorithm);
    }

    /** A CertRep needs at least the transaction ID and the nonce to echo. */
    public boolean canBeAnswered() {
        return transactionId != null && senderNonce != null;
    }
}
