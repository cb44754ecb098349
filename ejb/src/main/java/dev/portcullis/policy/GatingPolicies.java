package dev.portcullis.policy;

import dev.portcullis.host.Host;
import dev.portcullis.settings.AppSettings;
import dev.portcullis.team.Team;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that says which policies gate a host's sign-in. A policy gates when it has
 * conditional access enabled, is global or belongs to the host's team, and conditional access is
 * on for the host's team (for hosts in no team: the "no team" switch in the app settings).
 */
@Stateless
public class GatingPolicies {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    /** Whether conditional access applies to the host's team at all. */
    public boolean enabledFor(Host host) {
        return enabledFor(host, noTeamSwitch());
    }

    private boolean enabledFor(Host host, boolean noTeamEnabled) {
        if (host.teamId() == null) {
            return noTeamEnabled;
        }
        Team team = em.find(Team.class, host.teamId());
        return team != null && team.conditionalAccessEnabled();
    }

    private boolean noTeamSwitch() {
        AppSettings settings = em.find(AppSettings.class, AppSettings.SINGLETON_ID);
        return settings != null && settings.noTeamConditionalAccessEnabled();
    }

    /** The gating policies whose latest result on this host is a failure; empty when access is not gated. */
    public List<Policy> failingGatingPolicies(Host host) {
        return failingGatingPolicies(host, host.teamId() == null && noTeamSwitch());
    }

    /**
     * The same, with the "no team" switch the caller already holds: the sign-in path has it in its
     * cached settings snapshot and need not read the settings row a second time.
     */
    public List<Policy> failingGatingPolicies(Host host, boolean noTeamEnabled) {
        if (!enabledFor(host, noTeamEnabled)) {
            return List.of();
        }
        if (host.teamId() == null) {
            return em.createNamedQuery("Policy.failingGatingGlobal", Policy.class)
                    .setParameter("hostId", host.id()).getResultList();
        }
        return em.createNamedQuery("Policy.failingGatingForTeam", Policy.class)
                .setParameter("hostId", host.id()).setParameter("teamId", host.teamId()).getResultList();
    }

    /**
     * For a page of hosts: how many gating policies each one fails (hosts failing none are absent),
     * counted in one query; hosts whose team has conditional access off count zero.
     */
    public Map<Long, Long> failingCounts(Collection<Host> hosts) {
        Map<Long, Long> counts = new HashMap<>();
        if (hosts.isEmpty()) {
            return counts;
        }
        boolean noTeamEnabled = noTeamSwitch();
        List<Long> gated = hosts.stream().filter(h -> enabledFor(h, noTeamEnabled)).map(Host::id).toList();
        if (gated.isEmpty()) {
            return counts;
        }
        em.createQuery("SELECT r.hostId, COUNT(r) FROM PolicyResult r, Policy p, Host h WHERE r.hostId IN :ids"
                        + " AND r.passes = FALSE AND p.id = r.policyId AND p.conditionalAccessEnabled = TRUE"
                        + " AND h.id = r.hostId AND (p.teamId IS NULL OR p.teamId = h.teamId) GROUP BY r.hostId",
                        Object[].class)
                .setParameter("ids", gated).getResultList()
                .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** Whether a policy gates sign-in for hosts of {@code teamId} (null: no team), given the switch. */
    public static boolean gates(Policy policy, Long hostTeamId, boolean conditionalAccessOnForTeam) {
        return conditionalAccessOnForTeam && policy.conditionalAccessEnabled()
                && (policy.teamId() == null || policy.teamId().equals(hostTeamId));
    }
}
