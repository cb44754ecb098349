package dev.portcullis.ca.scep;

/** Why a request failed, as the failInfo attribute of a FAILURE CertRep tells the client. */
public enum FailInfo {
    /** Unrecognized or unsupported algorithm. */
    BAD_ALG(0),
    /** Integrity check (signature or decryption) failed. */
    BAD_MESSAGE_CHECK(1),
    /** Transaction not permitted or supported. */
    BAD_REQUEST(2),
    /** The signingTime attribute was not close enough to the system time. */
    BAD_TIME(3),
    /** No certificate could be identified matching the provided criteria. */
    BAD_CERT_ID(4);

    private final int code;

    FailInfo(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
