package dev.portcullis.ca;

/** What the SCEP endpoint answers to a PKIOperation. */
public sealed interface ScepReply {

    /** A CertRep (SUCCESS or FAILURE), DER, sent as application/x-pki-message. */
    record CertRep(byte[] der, boolean success) implements ScepReply {
    }

    /** The host asked again inside the cooldown. */
    record TooSoon(long retryAfterSeconds) implements ScepReply {
    }

    /** Not a SCEP message at all: a 400 with this one-line reason. */
    record Malformed(String reason) implements ScepReply {
    }
}
