package dev.portcullis.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The latest outcome of one policy on one host: pass, fail, or no result (the query errored). */
@Entity
// The generated primary key leads with policy_id (it serves the per-policy counts and deletes);
// this index serves the per-host reads: an agent's write and the sign-in decision.
@Table(name = "policy_results", indexes = @Index(name = "policy_results_host", columnList = "host_id, policy_id", unique = true))
@IdClass(PolicyResult.Key.class)
@NamedQuery(name = "PolicyResult.byHost", query = "SELECT r FROM PolicyResult r WHERE r.hostId = :hostId")
@NamedQuery(name = "PolicyResult.deleteByPolicy", query = "DELETE FROM PolicyResult r WHERE r.policyId = :policyId")
@NamedQuery(name = "PolicyResult.deleteByHost", query = "DELETE FROM PolicyResult r WHERE r.hostId = :hostId")
@NamedQuery(name = "PolicyResult.countsByPolicy", query = "SELECT r.policyId, r.passes, COUNT(r) FROM PolicyResult r"
        + " WHERE r.policyId IN :policyIds AND r.passes IS NOT NULL GROUP BY r.policyId, r.passes")
public class PolicyResult {

    public static final int ERROR_MESSAGE_MAX = 1000;

    @Id
    @Column(name = "host_id", nullable = false)
    private Long hostId;

    @Id
    @Column(name = "policy_id", nullable = false)
    private Long policyId;

    /** True: pass; false: fail; null: the query did not run cleanly, so there is no verdict. */
    @Column(name = "passes")
    private Boolean passes;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The agent's message when the query did not run cleanly, so the administrator can see why. */
    @Column(name = "error_message", length = ERROR_MESSAGE_MAX)
    private String errorMessage;

    protected PolicyResult() {
    }

    public PolicyResult(Long hostId, Long policyId, Boolean passes, String errorMessage, Instant at) {
        this.hostId = Objects.requireNonNull(hostId);
        this.policyId = Objects.requireNonNull(policyId);
        record(passes, errorMessage, at);
    }

    /**
     * Records the latest run; a clean run (a verdict) clears the previous error message. The
     * time is when the result last changed, as in Fleet: a host reporting the same result again
     * leaves the row untouched, so the steady stream of unchanged results writes nothing.
     *
     * @return whether the result changed
     */
    public boolean record(Boolean outcome, String error, Instant at) {
        String message = outcome != null || error == null ? null
                : error.length() <= ERROR_MESSAGE_MAX ? error : error.substring(0, ERROR_MESSAGE_MAX);
        if (updatedAt != null && Objects.equals(passes, outcome) && Objects.equals(errorMessage, message)) {
            return false;
        }
        this.passes = outcome;
        this.errorMessage = message;
        this.updatedAt = Objects.requireNonNull(at);
        return true;
    }

    public Long hostId() { return hostId; }
    public Long policyId() { return policyId; }
    public Boolean passes() { return passes; }
    /** When the result last changed. */
    public Instant updatedAt() { return updatedAt; }
    /** Why the latest run had no verdict; null after a clean run or when the agent gave no reason. */
    public String errorMessage() { return errorMessage; }

    /** Fleet's wording of a result: "pass", "fail", or "" when there is none. */
    public String response() {
        return passes == null ? "" : passes ? "pass" : "fail";
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long hostId;
        private Long policyId;

        public Key() {
        }

        public Key(Long hostId, Long policyId) {
            this.hostId = hostId;
            this.policyId = policyId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(hostId, k.hostId) && Objects.equals(policyId, k.policyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(hostId, policyId);
        }
    }
}
