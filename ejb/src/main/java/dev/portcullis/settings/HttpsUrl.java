package dev.portcullis.settings;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks that a setting is an absolute URL of the expected scheme with a host. */
public final class HttpsUrl {

    private HttpsUrl() {
    }

    /** Why {@code text} is not an absolute https URL, or null when it is one. */
    public static String problemWith(String text) {
        return problemWith(text, true);
    }

    public static String problemWith(String text, boolean httpsOnly) {
        if (text == null || text.isBlank()) {
            return "must not be empty";
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme();
            boolean schemeOk = "https".equalsIgnoreCase(scheme) || (!httpsOnly && "http".equalsIgnoreCase(scheme));
            if (!uri.isAbsolute() || !schemeOk) {
                return httpsOnly ? "must be an absolute https URL" : "must be an absolute http or https URL";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "must name a host";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
    }
}
