package dev.portcullis.team;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A secret an agent presents to enroll; it also serves as the SCEP challenge password.
 * A null team means the global secret: hosts enrolling with it join no team.
 */
@Entity
@Table(name = "enroll_secrets", indexes = @Index(name = "enroll_secrets_team", columnList = "team_id"))
@NamedQuery(name = "EnrollSecret.bySecret", query = "SELECT s FROM EnrollSecret s WHERE s.secret = :secret")
@NamedQuery(name = "EnrollSecret.global", query = "SELECT s FROM EnrollSecret s WHERE s.teamId IS NULL ORDER BY s.createdAt")
@NamedQuery(name = "EnrollSecret.byTeam", query = "SELECT s FROM EnrollSecret s WHERE s.teamId = :teamId ORDER BY s.createdAt")
public class EnrollSecret {

    @Id
    @SequenceGenerator(name = "enroll_secret_ids", sequenceName = "enroll_secret_ids", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enroll_secret_ids")
    private Long id;

    @Column(name = "secret", nullable = false, unique = true, length = 255)
    private String secret;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EnrollSecret() {
    }

    public EnrollSecret(String secret, Long teamId, Instant createdAt) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("enroll secret must not be empty");
        }
        this.secret = secret;
        this.teamId = teamId;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long id() { return id; }
    public String secret() { return secret; }
    public Long teamId() { return teamId; }
    public Instant createdAt() { return createdAt; }
}
