package dev.portcullis.ca.scep;

import java.util.List;

/** The GetCACaps reply: what this CA supports, in RFC 8894's keywords. */
public final class ScepCapabilities {

    public static final String MEDIA_TYPE = "text/plain";

    // POSTPKIOperation matters: without it macOS falls back to GET with unescaped base64.
    private static final List<String> KEYWORDS = List.of(
            "POSTPKIOperation", "SHA-256", "SHA-512", "AES", "DES3", "SCEPStandard", "Renewal");

    private ScepCapabilities() {
    }

    public static List<String> keywords() {
        return KEYWORDS;
    }

    /** One keyword per line, as the HTTP body. */
    public static String text() {
        return String.join("\n", KEYWORDS);
    }
}
