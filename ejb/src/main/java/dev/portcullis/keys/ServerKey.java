package dev.portcullis.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts private keys at rest (AES-GCM, the key's purpose as associated
 * data). It comes from configuration or, for the embedded default, from a file generated once.
 */
public final class ServerKey {

    private static final Logger LOG = Logger.getLogger(ServerKey.class.getName());
    private static final byte FORMAT_V1 = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private ServerKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException("The server key must be 32 bytes (base64 of 256 bits), got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public static ServerKey fromBase64(String base64) {
        try {
            return new ServerKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The configured server key is not valid base64", e);
        }
    }

    /** Reads the key file, or creates it with owner-only permissions when it does not exist. */
    public static ServerKey fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
            }
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warning("Could not restrict permissions of " + file + " on this file system");
            }
            LOG.warning("Generated a new server key at " + file + " (owner-only). It encrypts the CA and IdP "
                    + "private keys: back it up, and set PORTCULLIS_SERVER_KEY on every node sharing the database.");
            return new ServerKey(raw);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the server key file " + file, e);
        }
    }

    public byte[] encrypt(byte[] plaintext, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT_V1).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Throws {@link WrongServerKeyException} when the ciphertext was sealed under another key. */
    public byte[] decrypt(byte[] box, String associatedData) {
        if (box.length < 1 + IV_BYTES + TAG_BITS / 8 || box[0] != FORMAT_V1) {
            throw new IllegalStateException("Stored key has an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 1, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(box, 1 + IV_BYTES, box.length - 1 - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new WrongServerKeyException(associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
