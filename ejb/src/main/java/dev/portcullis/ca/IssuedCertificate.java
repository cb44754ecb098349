package dev.portcullis.ca;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A client certificate this CA issued: the serial the mTLS proxy forwards leads here. */
@Entity
@Table(name = "issued_certificates", indexes = @Index(name = "issued_certificates_host", columnList = "host_id"))
@NamedQuery(name = "IssuedCertificate.bySerial", query = "SELECT c FROM IssuedCertificate c WHERE c.serialHex = :serial")
@NamedQuery(name = "IssuedCertificate.byHost",
        query = "SELECT c FROM IssuedCertificate c WHERE c.hostId = :hostId ORDER BY c.notBefore DESC")
@NamedQuery(name = "IssuedCertificate.lastForHost",
        query = "SELECT MAX(c.issuedAt) FROM IssuedCertificate c WHERE c.hostId = :hostId")
@NamedQuery(name = "IssuedCertificate.revokeLiveForHost",
        query = "UPDATE IssuedCertificate c SET c.revokedAt = :now WHERE c.hostId = :hostId AND c.revokedAt IS NULL AND c.serialHex <> :keep")
@NamedQuery(name = "IssuedCertificate.revokeAllForHost",
        query = "UPDATE IssuedCertificate c SET c.revokedAt = :now WHERE c.hostId = :hostId AND c.revokedAt IS NULL")
public class IssuedCertificate {

    @Id
    @SequenceGenerator(name = "issued_certificate_ids", sequenceName = "issued_certificate_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "issued_certificate_ids")
    private Long id;

    /** Lower-case hex without leading zeros: one canonical form for any header format. */
    @Column(name = "serial_hex", nullable = false, unique = true, length = 64)
    private String serialHex;

    @Column(name = "host_id", nullable = false)
    private Long hostId;

    @Column(name = "subject", length = 1024)
    private String subject;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Lob
    @Column(name = "certificate_der", nullable = false)
    private byte[] certificateDer;

    protected IssuedCertificate() {
    }

    public IssuedCertificate(String serialHex, Long hostId, String subject, Instant notBefore, Instant notAfter,
                             Instant issuedAt, byte[] certificateDer) {
        this.serialHex = Objects.requireNonNull(serialHex);
        this.hostId = Objects.requireNonNull(hostId);
        this.subject = subject;
        this.notBefore = Objects.requireNonNull(notBefore);
        this.notAfter = Objects.requireNonNull(notAfter);
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.certificateDer = certificateDer.clone();
    }

    public Long id() { return id; }
    public String serialHex() { return serialHex; }
    public Long hostId() { return hostId; }
    public String subject() { return subject; }
    public Instant notBefore() { return notBefore; }
    public Instant notAfter() { return notAfter; }
    public Instant issuedAt() { return issuedAt; }
    public Instant revokedAt() { return revokedAt; }
    public byte[] certificateDer() { return certificateDer.clone(); }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public CertificateStatus statusAt(Instant now) {
        if (revokedAt != null) return CertificateStatus.REVOKED;
        if (now.isBefore(notBefore)) return CertificateStatus.NOT_YET_VALID;
        if (!now.isBefore(notAfter)) return CertificateStatus.EXPIRED;
        return CertificateStatus.VALID;
    }
}
