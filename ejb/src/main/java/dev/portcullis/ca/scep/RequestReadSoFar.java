package dev.portcullis.ca.scep;

import java.security.cert.X509Certificate;

/** What the reader has learnt of a pkiMessage so far, to put into a refusal. */
final class RequestReadSoFar {

    String transactionId;
    byte[] senderNonce;
    X509Certificate signerCertificate;
    DigestAlgorithm digestAlgorithm;

    ScepRequestException refuse(FailInfo failInfo, String reason) {
        return new ScepRequestException(failInfo, reason, transactionId, senderNonce, signerCertificate,
                digestAlgorithm);
    }

    ScepRequestException refuse(FailInfo failInfo, String reason, Throwable cause) {
        ScepRequestException refusal = refuse(failInfo, reason);
        refusal.initCause(cause);
        return refusal;
    }
}
