package dev.portcullis.host;

import java.time.Instant;
import java.util.List;

/** What the end user's My device page shows, gathered in one read. */
public record DeviceStatus(
        String deviceName,
        String osVersion,
        List<PolicyLine> policies,
        boolean bypassPending,
        boolean bypassOffered,
        String bypassUnavailableReason,
        boolean refetchPending,
        Instant policiesUpdatedAt) {

    /** One policy as the user sees it; {@code actionRequired} marks a failing policy that blocks sign-in. */
    public record PolicyLine(long id, String name, String description, String resolution, String response,
                             boolean gating, boolean critical, boolean actionRequired) {
    }

    /** A recorded bypass the next sign-in will use: the same rule as the sign-in decision (not disabled, nothing critical failing). */
    public boolean bypassUsable() {
        return bypassPending && bypassOffered;
    }

    public boolean blocked() {
        return policies.stream().anyMatch(PolicyLine::actionRequired);
    }

    /** The policies that block sign-in now: gating and failing. */
    public List<PolicyLine> actionRequired() {
        return policies.stream().filter(PolicyLine::actionRequired).toList();
    }
}
