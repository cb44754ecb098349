package dev.portcullis.keys;

/** The stored keys were encrypted under a different server key: refuse to start, never regenerate. */
public class WrongServerKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public WrongServerKeyException(String purpose) {
        super("The server key does not decrypt the stored " + purpose + " private key. Start with the server key "
                + "this database was created with (PORTCULLIS_SERVER_KEY or the key file); Portcullis will not "
                + "replace an existing CA.");
    }
}
