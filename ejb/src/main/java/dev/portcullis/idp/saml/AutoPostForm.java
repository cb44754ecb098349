package dev.portcullis.idp.saml;

/**
 * The HTTP-POST binding's page: a form that posts the Response to Okta's ACS URL, submitted
 * by script at once, with a button for browsers without script.
 */
public final class AutoPostForm {

    /** The page's only script, constant so a Content-Security-Policy can allow it by hash. */
    public static final String SUBMIT_SCRIPT = "document.forms[0].submit();";

    private AutoPostForm() {
    }

    public static String render(String acsUrl, String samlResponseBase64, String relayStateOrNull) {
        StringBuilder html = new StringBuilder(samlResponseBase64.length() + 800);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<title>Signing in</title>\n</head>\n")
            .append("<body>\n")
            .append("<form method=\"post\" action=\"").append(escape(acsUrl)).append("\">\n")
            .append("<input type=\"hidden\" name=\"SAMLResponse\" value=\"").append(escape(samlResponseBase64)).append("\">\n");
        if (relayStateOrNull != null) {
            html.append("<input type=\"hidden\" name=\"RelayState\" value=\"").append(escape(relayStateOrNull)).append("\">\n");
        }
        html.append("<noscript><p>Script is off: press Continue to finish signing in.</p>")
            .append("<button type=\"submit\">Continue</button></noscript>\n")
            .append("</form>\n<script>").append(SUBMIT_SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Escapes for a double-quoted HTML attribute value (and text). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
