package dev.portcullis.idp.saml;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The SAML parameters of an HTTP-Redirect query string, kept both raw (for the signature
 * check) and URL-decoded. Other parameters are ignored; a repeated SAML parameter is refused.
 */
final class RedirectQuery {

    static final String SAML_REQUEST = "SAMLRequest";
    static final String RELAY_STATE = "RelayState";
    static final String SIG_ALG = "SigAlg";
    static final String SIGNATURE = "Signature";

    private final Map<String, String> raw;

    private RedirectQuery(Map<String, String> raw) {
        this.raw = raw;
    }

    static RedirectQuery parse(String rawQueryString) throws SamlRequestException {
        String query = rawQueryString.startsWith("?") ? rawQueryString.substring(1) : rawQueryString;
        Map<String, String> raw = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (isSamlParameter(name) && raw.put(name, value) != null) {
                throw new SamlRequestException("query repeats the parameter " + name);
            }
        }
        if (raw.get(SAML_REQUEST) == null || raw.get(SAML_REQUEST).isEmpty()) {
            throw new SamlRequestException("SAMLRequest is missing");
        }
        return new RedirectQuery(raw);
    }

    private static boolean isSamlParameter(String name) {
        return SAML_REQUEST.equals(name) || RELAY_STATE.equals(name) || SIG_ALG.equals(name) || SIGNATURE.equals(name);
    }

    /** The URL-decoded value, or null when absent. */
    String decoded(String name) throws SamlRequestException {
        String value = raw.get(name);
        if (value == null) {
            return null;
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SamlRequestException("query parameter " + name + " is not properly URL-encoded");
        }
    }

    /**
     * A URL-decoded base64 value. Base64 never contains spaces, so a space can only be an
     * unescaped '+' read as form encoding: put it back.
     */
    String decodedBase64(String name) throws SamlRequestException {
        String value = decoded(name);
        return value == null ? null : value.replace(' ', '+');
    }

    /** The signed octets of SAML bindings section 3.4.4.1, in order, with only the parameters present. */
    String signedOctets() {
        StringBuilder octets = new StringBuilder(SAML_REQUEST).append('=').append(raw.get(SAML_REQUEST));
        if (raw.containsKey(RELAY_STATE)) {
            octets.append('&').append(RELAY_STATE).append('=').append(raw.get(RELAY_STATE));
        }
        if (raw.containsKey(SIG_ALG)) {
            octets.append('&').append(SIG_ALG).append('=').append(raw.get(SIG_ALG));
        }
        return octets.toString();
    }
}
