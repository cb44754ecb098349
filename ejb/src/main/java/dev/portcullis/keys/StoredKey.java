package dev.portcullis.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A private key (encrypted under the server key) with its certificate, stored by purpose. */
@Entity
@Table(name = "stored_keys")
public class StoredKey {

    @Id
    @Column(name = "purpose", length = 64)
    private String purpose;

    @Lob
    @Column(name = "certificate_der", nullable = false)
    private byte[] certificateDer;

    /** AES-GCM ciphertext of the PKCS#8 key; see {@link ServerKey}. */
    @Lob
    @Column(name = "encrypted_private_key", nullable = false)
    private byte[] encryptedPrivateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredKey() {
    }

    public StoredKey(KeyPurpose purpose, byte[] certificateDer, byte[] encryptedPrivateKey, Instant createdAt) {
        this.purpose = purpose.name();
        this.certificateDer = certificateDer.clone();
        this.encryptedPrivateKey = encryptedPrivateKey.clone();
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public String purpose() { return purpose; }
    public byte[] certificateDer() { return certificateDer.clone(); }
    public byte[] encryptedPrivateKey() { return encryptedPrivateKey.clone(); }
    public Instant createdAt() { return createdAt; }
}
