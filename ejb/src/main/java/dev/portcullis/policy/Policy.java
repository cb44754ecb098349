package dev.portcullis.policy;

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

/**
 * A compliance check: an osquery query that passes when it returns rows. A null team means a
 * global policy, which applies to every host; a team policy applies to that team's hosts.
 */
@Entity
@Table(name = "policies", indexes = @Index(name = "policies_team", columnList = "team_id"))
@NamedQuery(name = "Policy.global", query = "SELECT p FROM Policy p WHERE p.teamId IS NULL ORDER BY p.id")
@NamedQuery(name = "Policy.byTeam", query = "SELECT p FROM Policy p WHERE p.teamId = :teamId ORDER BY p.id")
@NamedQuery(name = "Policy.forTeamOrGlobal",
        query = "SELECT p FROM Policy p WHERE p.teamId IS NULL OR p.teamId = :teamId ORDER BY p.id")
// The sign-in hot path: a host's failing conditional-access results, read through the results'
// primary key (host_id, policy_id) and the policies' primary key, so the cost follows the host's
// own policies, never the number of hosts.
@NamedQuery(name = "Policy.failingGatingGlobal", query = "SELECT p FROM PolicyResult r, Policy p"
        + " WHERE r.hostId = :hostId AND r.passes = FALSE AND p.id = r.policyId"
        + " AND p.conditionalAccessEnabled = TRUE AND p.teamId IS NULL ORDER BY p.id")
@NamedQuery(name = "Policy.failingGatingForTeam", query = "SELECT p FROM PolicyResult r, Policy p"
        + " WHERE r.hostId = :hostId AND r.passes = FALSE AND p.id = r.policyId"
        + " AND p.conditionalAccessEnabled = TRUE AND (p.teamId IS NULL OR p.teamId = :teamId) ORDER BY p.id")
@NamedQuery(name = "Policy.byTeamAndName", query = "SELECT p FROM Policy p WHERE p.teamId = :teamId AND p.name = :name")
@NamedQuery(name = "Policy.globalByName", query = "SELECT p FROM Policy p WHERE p.teamId IS NULL AND p.name = :name")
public class Policy {

    @Id
    @SequenceGenerator(name = "policy_ids", sequenceName = "policy_ids", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "policy_ids")
    private Long id;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Lob
    @Column(name = "query_sql", nullable = false)
    private String query;

    @Column(name = "description", length = 4000)
    private String description;

    @Column(name = "resolution", length = 4000)
    private String resolution;

    /** Comma-separated osquery platforms ("darwin", "windows", ...); empty means all. */
    @Column(name = "platform", length = 255)
    private String platform;

    @Column(name = "critical", nullable = false)
    private boolean critical;

    @Column(name = "conditional_access_enabled", nullable = false)
    private boolean conditionalAccessEnabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Policy() {
    }

    public Policy(Long teamId, String name, String query, Instant now) {
        this.teamId = teamId;
        rename(name);
        changeQuery(query);
        this.createdAt = Objects.requireNonNull(now);
        this.updatedAt = now;
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("policy name must not be empty");
        }
        this.name = newName.strip();
    }

    public void changeQuery(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("policy query must not be empty");
        }
        this.query = sql;
    }

    public Long id() { return id; }
    public Long teamId() { return teamId; }
    public String name() { return name; }
    public String query() { return query; }
    public String description() { return description; }
    public void describe(String text) { this.description = text; }
    public String resolution() { return resolution; }
    public void setResolution(String text) { this.resolution = text; }
    public String platform() { return platform == null ? "" : platform; }
    public void setPlatform(String platforms) { this.platform = platforms; }
    public boolean critical() { return critical; }
    public void setCritical(boolean isCritical) { this.critical = isCritical; }
    public boolean conditionalAccessEnabled() { return conditionalAccessEnabled; }
    public void setConditionalAccessEnabled(boolean enabled) { this.conditionalAccessEnabled = enabled; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public void touched(Instant at) { this.updatedAt = at; }

    /** Whether a host on {@code hostPlatform} should run this policy. */
    public boolean appliesToPlatform(String hostPlatform) {
        if (platform == null || platform.isBlank()) {
            return true;
        }
        if (hostPlatform == null) {
            return false;
        }
        for (String p : platform.split(",")) {
            if (p.strip().equalsIgnoreCase(hostPlatform)) {
                return true;
            }
        }
        return false;
    }
}
