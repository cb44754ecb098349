package dev.portcullis.ca.scep;

/**
 * The body is not a CMS SignedData at all: nothing in it can be trusted or echoed, so the
 * answer is a plain HTTP 400 rather than a CertRep.
 */
public class MalformedScepMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedScepMessageException(String reason) {
        super(reason);
    }

    public MalformedScepMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
