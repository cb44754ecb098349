package dev.portcullis.idp.saml;

/**
 * A SAML message was refused. The message is a short, one-line reason that is safe to log
 * and to show: it never carries a stack trace or the received message itself.
 */
public class SamlRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    public SamlRequestException(String reason) {
        super(reason, null, false, false);
    }
}
