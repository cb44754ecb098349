package dev.portcullis.ca.scep;

/** The pkiStatus attribute of a CertRep. */
public enum PkiStatus {
    SUCCESS(0),
    FAILURE(2),
    PENDING(3);

    private final int code;

    PkiStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
