package dev.portcullis.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A bearer token a user got at login. Only the token's SHA-256 digest is stored. */
@Entity
@Table(name = "api_sessions", indexes = @Index(name = "api_sessions_user", columnList = "user_id"))
@NamedQuery(name = "ApiSession.deleteExpired", query = "DELETE FROM ApiSession s WHERE s.expiresAt < :now")
public class ApiSession {

    @Id
    @Column(name = "token_digest", length = 64)
    private String tokenDigest;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ApiSession() {
    }

    public ApiSession(String tokenDigest, Long userId, Instant createdAt, Instant expiresAt) {
        this.tokenDigest = Objects.requireNonNull(tokenDigest);
        this.userId = Objects.requireNonNull(userId);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    public String tokenDigest() { return tokenDigest; }
    public Long userId() { return userId; }
    public Instant expiresAt() { return expiresAt; }
    public boolean liveAt(Instant now) { return now.isBefore(expiresAt); }
}
