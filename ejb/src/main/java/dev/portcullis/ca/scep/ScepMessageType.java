package dev.portcullis.ca.scep;

import java.util.Arrays;
import java.util.Optional;

/** The messageType attribute values of RFC 8894 section 3.2.1.2. */
public enum ScepMessageType {
    CERT_REP(3),
    RENEWAL_REQ(17),
    PKCS_REQ(19),
    CERT_POLL(20),
    GET_CERT(21),
    GET_CRL(22);

    private final int code;

    ScepMessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The attribute carries the number as a PrintableString. */
    static Optional<ScepMessageType> fromAttribute(String text) {
        return Arrays.stream(values()).filter(type -> Integer.toString(type.code).equals(text)).findFirst();
    }
}
