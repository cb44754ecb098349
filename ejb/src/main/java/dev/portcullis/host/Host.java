package dev.portcullis.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A managed device, known by its hardware UUID, reporting through an osquery-compatible agent. */
@Entity
@Table(name = "hosts", indexes = {
        @Index(name = "hosts_team", columnList = "team_id"),
        @Index(name = "hosts_device_token", columnList = "device_token", unique = true),
        @Index(name = "hosts_node_key", columnList = "node_key", unique = true)})
@NamedQuery(name = "Host.byUuid", query = "SELECT h FROM Host h WHERE h.hardwareUuid = :uuid")
@NamedQuery(name = "Host.byNodeKey", query = "SELECT h FROM Host h WHERE h.nodeKey = :nodeKey")
@NamedQuery(name = "Host.byDeviceToken", query = "SELECT h FROM Host h WHERE h.deviceToken = :token")
@NamedQuery(name = "Host.all", query = "SELECT h FROM Host h ORDER BY h.id")
@NamedQuery(name = "Host.byTeam", query = "SELECT h FROM Host h WHERE h.teamId = :teamId ORDER BY h.id")
@NamedQuery(name = "Host.inNoTeam", query = "SELECT h FROM Host h WHERE h.teamId IS NULL ORDER BY h.id")
@NamedQuery(name = "Host.countByTeam", query = "SELECT COUNT(h) FROM Host h WHERE h.teamId = :teamId")
// Conditional, so of two racing sign-ins only one rotates the token; the other reads the winner's.
@NamedQuery(name = "Host.rotateDeviceToken", query = "UPDATE Host h SET h.deviceToken = :token,"
        + " h.deviceTokenCreatedAt = :now, h.version = h.version + 1 WHERE h.id = :id AND (h.deviceToken IS NULL"
        + " OR h.deviceTokenCreatedAt IS NULL OR h.deviceTokenCreatedAt < :cutoff)")
@NamedQuery(name = "Host.leaveTeam", query = "UPDATE Host h SET h.teamId = NULL WHERE h.teamId = :teamId")
public class Host {

    @Id
    @SequenceGenerator(name = "host_ids", sequenceName = "host_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "host_ids")
    private Long id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "hardware_uuid", nullable = false, unique = true, length = 64)
    private String hardwareUuid;

    @Column(name = "osquery_host_id", length = 255)
    private String osqueryHostId;

    @Column(name = "hostname", length = 255)
    private String hostname;

    @Column(name = "platform", length = 64)
    private String platform;

    @Column(name = "os_version", length = 255)
    private String osVersion;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "node_key", length = 64)
    private String nodeKey;

    @Column(name = "device_token", length = 64)
    private String deviceToken;

    @Column(name = "device_token_created_at")
    private Instant deviceTokenCreatedAt;

    @Column(name = "bypass_pending", nullable = false)
    private boolean bypassPending;

    @Column(name = "refetch_requested", nullable = false)
    private boolean refetchRequested;

    @Column(name = "policy_updated_at")
    private Instant policyUpdatedAt;

    @Column(name = "detail_updated_at")
    private Instant detailUpdatedAt;

    @Column(name = "last_enrolled_at")
    private Instant lastEnrolledAt;

    @Column(name = "seen_at")
    private Instant seenAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Host() {
    }

    public Host(String hardwareUuid, Instant createdAt) {
        this.hardwareUuid = normaliseUuid(hardwareUuid);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** Hardware UUIDs are compared upper case: macOS and osquery differ in case. */
    public static String normaliseUuid(String uuid) {
        if (uuid == null || uuid.isBlank()) {
            throw new IllegalArgumentException("hardware UUID must not be empty");
        }
        return uuid.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public void enrolled(String newNodeKey, String osqueryId, Long team, Instant at) {
        this.nodeKey = newNodeKey;
        this.osqueryHostId = osqueryId;
        this.teamId = team;
        this.lastEnrolledAt = at;
        this.seenAt = at;
    }

    public void describe(String hostName, String platformName, String os) {
        if (hostName != null) this.hostname = hostName;
        if (platformName != null) this.platform = platformName;
        if (os != null) this.osVersion = os;
    }

    public Long id() { return id; }
    public String hardwareUuid() { return hardwareUuid; }
    public String osqueryHostId() { return osqueryHostId; }
    public String hostname() { return hostname; }
    public String platform() { return platform; }
    public String osVersion() { return osVersion; }
    public Long teamId() { return teamId; }
    public void moveToTeam(Long team) { this.teamId = team; }
    public String nodeKey() { return nodeKey; }
    public String deviceToken() { return deviceToken; }
    public Instant deviceTokenCreatedAt() { return deviceTokenCreatedAt; }

    public void assignDeviceToken(String token, Instant at) {
        this.deviceToken = Objects.requireNonNull(token);
        this.deviceTokenCreatedAt = Objects.requireNonNull(at);
    }

    /** Whether the device token was issued before {@code cutoff}; a token without a date counts as old. */
    public boolean deviceTokenIssuedBefore(Instant cutoff) {
        return deviceTokenCreatedAt == null || deviceTokenCreatedAt.isBefore(cutoff);
    }
    public boolean bypassPending() { return bypassPending; }
    public void setBypassPending(boolean pending) { this.bypassPending = pending; }
    public boolean refetchRequested() { return refetchRequested; }
    public void setRefetchRequested(boolean requested) { this.refetchRequested = requested; }
    public Instant policyUpdatedAt() { return policyUpdatedAt; }
    public void policiesReported(Instant at) { this.policyUpdatedAt = at; this.seenAt = at; }
    public Instant detailUpdatedAt() { return detailUpdatedAt; }
    public void detailsReported(Instant at) { this.detailUpdatedAt = at; }
    public Instant lastEnrolledAt() { return lastEnrolledAt; }
    public Instant seenAt() { return seenAt; }
    public void seen(Instant at) { this.seenAt = at; }
    public Instant createdAt() { return createdAt; }
}
