package dev.portcullis.web.console;

import dev.portcullis.host.Host;
import dev.portcullis.host.HostService;
import java.io.Serializable;
import java.time.Instant;

/** One line of the hosts list: the host, its team's name and the state of its gating policies. */
public final class HostRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String hostname;
    private final String teamName;
    private final String osVersion;
    private final boolean gated;
    private final long failingPolicies;
    private final Instant seenAt;

    HostRow(Host host, String teamName, HostService.GatingStatus status) {
        this.id = host.id();
        this.hostname = host.hostname() == null || host.hostname().isBlank() ? host.hardwareUuid() : host.hostname();
        this.teamName = teamName;
        this.osVersion = host.osVersion();
        this.gated = status != null && status.conditionalAccessOn();
        this.failingPolicies = status == null ? 0 : status.failingPolicies();
        this.seenAt = host.seenAt();
    }

    public long getId() { return id; }
    public String getHostname() { return hostname; }
    public String getTeamName() { return teamName; }
    public String getOsVersion() { return osVersion; }
    /** Whether conditional access applies to the host's team at all. */
    public boolean isGated() { return gated; }
    public long getFailingPolicies() { return failingPolicies; }
    public Instant getSeenAt() { return seenAt; }
}
