package dev.portcullis.access;

import dev.portcullis.policy.Policy;
import java.util.List;

/** What the sign-in of one device gets: allowed, blocked with the policies to fix, or a certificate problem. */
public sealed interface AccessDecision {

    record Allowed(long hostId, boolean byBypass, List<Policy> failingPolicies) implements AccessDecision {
    }

    record Blocked(long hostId, String deviceToken, List<Policy> failingPolicies, String reason) implements AccessDecision {
    }

    record CertificateProblem(Long hostId, String reason) implements AccessDecision {
    }
}
