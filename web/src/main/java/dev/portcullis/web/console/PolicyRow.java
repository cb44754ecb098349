package dev.portcullis.web.console;

import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyService;
import java.io.Serializable;

/** A policy as the console lists it, with how many hosts pass and fail it. */
public record PolicyRow(long id, Long teamId, String name, String query, String description, String resolution,
                        String platform, boolean critical, boolean gating, long passing, long failing)
        implements Serializable {

    static PolicyRow of(PolicyService.PolicyStats stats) {
        Policy p = stats.policy();
        return new PolicyRow(p.id(), p.teamId(), p.name(), p.query(), p.description(), p.resolution(), p.platform(),
                p.critical(), p.conditionalAccessEnabled(), stats.passingHostCount(), stats.failingHostCount());
    }

    /** The platforms in words; empty means every platform. */
    public String platformLabel() {
        return platform == null || platform.isBlank() ? "All platforms" : platform.replace("darwin", "macOS")
                .replace("windows", "Windows").replace("linux", "Linux").replace("chrome", "ChromeOS").replace(",", ", ");
    }
}
