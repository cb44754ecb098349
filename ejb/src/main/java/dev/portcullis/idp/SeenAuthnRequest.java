package dev.portcullis.idp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An AuthnRequest ID already answered. The primary key makes a replay fail on insert, on every
 * node sharing the database; rows older than the clock skew window are pruned.
 */
@Entity
@Table(name = "seen_authn_requests")
@NamedQuery(name = "SeenAuthnRequest.prune", query = "DELETE FROM SeenAuthnRequest s WHERE s.expiresAt < :now")
public class SeenAuthnRequest {

    @Id
    @Column(name = "request_id", length = 256)
    private String requestId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected SeenAuthnRequest() {
    }

    public SeenAuthnRequest(String requestId, Instant expiresAt) {
        this.requestId = Objects.requireNonNull(requestId);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    public String requestId() { return requestId; }
    public Instant expiresAt() { return expiresAt; }
}
