package dev.portcullis.idp.saml;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A built and signed Response, ready for the HTTP-POST binding. */
public final class SignedSamlResponse {

    private final String id;
    private final String xml;

    SignedSamlResponse(String id, String xml) {
        this.id = id;
        this.xml = xml;
    }

    /** The Response's ID attribute. */
    public String id() {
        return id;
    }

    /** The Response document, exactly as signed. */
    public String xml() {
        return xml;
    }

    /** The value of the SAMLResponse form field. */
    public String base64() {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
