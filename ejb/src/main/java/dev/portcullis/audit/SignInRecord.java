package dev.portcullis.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One SSO attempt and what Portcullis decided, for the administrator. */
@Entity
@Table(name = "sign_in_records", indexes = {
        @Index(name = "sign_in_records_host", columnList = "host_id"),
        @Index(name = "sign_in_records_at", columnList = "created_at")})
@NamedQuery(name = "SignInRecord.latest", query = "SELECT r FROM SignInRecord r ORDER BY r.id DESC")
@NamedQuery(name = "SignInRecord.byHost", query = "SELECT r FROM SignInRecord r WHERE r.hostId = :hostId ORDER BY r.id DESC")
@NamedQuery(name = "SignInRecord.idsBefore",
        query = "SELECT r.id FROM SignInRecord r WHERE r.createdAt < :cutoff ORDER BY r.id")
@NamedQuery(name = "SignInRecord.deleteRange",
        query = "DELETE FROM SignInRecord r WHERE r.id BETWEEN :first AND :last AND r.createdAt < :cutoff")
public class SignInRecord {

    @Id
    @SequenceGenerator(name = "sign_in_record_ids", sequenceName = "sign_in_record_ids", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sign_in_record_ids")
    private Long id;

    @Column(name = "host_id")
    private Long hostId;

    @Column(name = "name_id", length = 512)
    private String nameId;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 32)
    private SignInOutcome outcome;

    /** Comma-separated ids of the failing conditional-access policies. */
    @Column(name = "failing_policy_ids", length = 2000)
    private String failingPolicyIds;

    @Column(name = "reason", length = 1000)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SignInRecord() {
    }

    public SignInRecord(Long hostId, String nameId, SignInOutcome outcome, String failingPolicyIds, String reason,
                        Instant createdAt) {
        this.hostId = hostId;
        this.nameId = truncate(nameId, 512);
        this.outcome = Objects.requireNonNull(outcome);
        this.failingPolicyIds = truncate(failingPolicyIds, 2000);
        this.reason = truncate(reason, 1000);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long id() { return id; }
    public Long hostId() { return hostId; }
    public String nameId() { return nameId; }
    public SignInOutcome outcome() { return outcome; }
    public String failingPolicyIds() { return failingPolicyIds; }
    public String reason() { return reason; }
    public Instant createdAt() { return createdAt; }
}
