package dev.portcullis.idp.saml;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random SAML identifiers: an underscore (IDs must not start with a digit) and 128 random bits in hex. */
public final class SamlIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SamlIds() {
    }

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }
}
