package dev.portcullis.web.device;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a POST to the My device page came from the page itself. The device token in the URL is
 * the only credential, so another site that learned a link could make the user's browser take a
 * bypass or a refetch; browsers say where a request comes from, and such requests are refused.
 * A client that sends neither header is not a browser carrying someone's page, and passes.
 */
final class SameOriginPost {

    private SameOriginPost() {
    }

    /**
     * {@code Sec-Fetch-Site} must be {@code same-origin} when present; otherwise {@code Origin}, when
     * present, must name the host the request was sent to or the public server URL.
     */
    static boolean allows(HttpServletRequest request, String publicServerUrl) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equalsIgnoreCase("same-origin");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String authority = authority(origin);
        return authority != null && (authority.equals(lower(request.getHeader("Host")))
                || authority.equals(authority(publicServerUrl)));
    }

    /** host[:port] of an origin or URL, lower case; null for "null" or anything unparsable. */
    private static String authority(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            return uri.getScheme() == null ? null : lower(uri.getRawAuthority());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
