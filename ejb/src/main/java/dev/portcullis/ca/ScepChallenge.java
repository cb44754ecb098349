package dev.portcullis.ca;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A single-use SCEP challenge password minted by an administrator. Only its SHA-256 digest is
 * stored, so the database never holds a usable challenge.
 */
@Entity
@Table(name = "scep_challenges")
@NamedQuery(name = "ScepChallenge.consume",
        query = "UPDATE ScepChallenge c SET c.usedAt = :now WHERE c.digest = :digest AND c.usedAt IS NULL AND c.expiresAt > :now")
@NamedQuery(name = "ScepChallenge.all", query = "SELECT c FROM ScepChallenge c ORDER BY c.createdAt DESC")
public class ScepChallenge {

    @Id
    @Column(name = "digest", length = 64)
    private String digest;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected ScepChallenge() {
    }

    public ScepChallenge(String digest, Instant createdAt, Instant expiresAt) {
        this.digest = Objects.requireNonNull(digest);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    public String digest() { return digest; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant usedAt() { return usedAt; }
}
