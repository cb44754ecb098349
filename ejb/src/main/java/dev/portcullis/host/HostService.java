package dev.portcullis.host;

import static dev.portcullis.user.SecurityRoles.ADMIN;
import static dev.portcullis.user.SecurityRoles.MAINTAINER;
import static dev.portcullis.user.SecurityRoles.OBSERVER;
import static dev.portcullis.user.SecurityRoles.TEAM_MAINTAINER;
import static dev.portcullis.user.SecurityRoles.TEAM_OBSERVER;

import dev.portcullis.ca.CertificateRevocation;
import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.policy.HostPolicy;
import dev.portcullis.policy.PolicyService;
import dev.portcullis.problem.Refusal;
import dev.portcullis.team.Team;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import dev.portcullis.user.TeamScope;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Hosts as the administrator sees them: listing, details with policy results, transfer, deletion. */
@Stateless
@PermitAll
public class HostService {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int MAX_PER_PAGE = 500;

    @EJB
    private CertificateRevocation revocation;

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @EJB
    private PolicyService policies;

    @EJB
    private ActivityLog activities;

    @EJB
    private TeamScope scope;

    /** A host with its applicable policies and their responses. */
    public record HostDetail(Host host, List<HostPolicy> policies) {
    }

    /** Which hosts to list: every host, those in no team, or one team's. */
    public sealed interface TeamFilter {
        record Any() implements TeamFilter { }
        record NoTeam() implements TeamFilter { }
        record OfTeam(long teamId) implements TeamFilter { }
    }

    /** A user with team roles must ask for one of their teams. */
    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public List<Host> list(TeamFilter filter, int page, int perPage) {
        scope.requireRead(filter instanceof TeamFilter.OfTeam team ? team.teamId() : null);
        int size = Math.max(1, Math.min(perPage, MAX_PER_PAGE));
        jakarta.persistence.TypedQuery<Host> query;
        if (filter instanceof TeamFilter.OfTeam team) {
            query = em.createNamedQuery("Host.byTeam", Host.class).setParameter("teamId", team.teamId());
        } else if (filter instanceof TeamFilter.NoTeam) {
            query = em.createNamedQuery("Host.inNoTeam", Host.class);
        } else {
            query = em.createNamedQuery("Host.all", Host.class);
        }
        return query.setFirstResult(Math.max(0, page) * size).setMaxResults(size).getResultList();
    }

    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public HostDetail get(long id) {
        Host host = find(id);
        scope.requireRead(host.teamId());
        return new HostDetail(host, policies.onHost(host));
    }

    public Host find(long id) {
        Host host = em.find(Host.class, id);
        if (host == null) {
            throw Refusal.notFound("Host " + id);
        }
        return host;
    }

    /** The host with this hardware UUID (any case), if enrolled. */
    public Optional<Host> findByUuid(String hardwareUuid) {
        if (hardwareUuid == null || hardwareUuid.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery("Host.byUuid", Host.class)
                .setParameter("uuid", Host.normaliseUuid(hardwareUuid)).getResultStream().findFirst();
    }

    /** Moves hosts to a team, or to no team when {@code teamId} is null. */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public void transfer(Long teamId, List<Long> hostIds, String actorEmail) {
        TeamScope.CallerRoles caller = scope.requireWrite(teamId);
        if (teamId != null && em.find(Team.class, teamId) == null) {
            throw Refusal.notFound("Team " + teamId);
        }
        if (hostIds == null) {
            throw Refusal.invalid("hosts", "hosts must list host ids");
        }
        JsonArrayBuilder moved = Json.createArrayBuilder();
        for (Long id : new LinkedHashSet<>(hostIds)) {
            if (id == null) throw Refusal.invalid("hosts", "hosts must not contain null");
            Host host = find(id);
            if (!caller.mayWrite(host.teamId())) throw Refusal.forbidden("forbidden");
            host.moveToTeam(teamId);
            moved.add(id);
        }
        var details = Json.createObjectBuilder().add("host_ids", moved);
        if (teamId == null) details.addNull("team_id"); else details.add("team_id", teamId);
        activities.record(ActivityType.TRANSFERRED_HOSTS, actorEmail, details.build());
    }

    /** Deletes the host and its policy results, and revokes its certificates in the same transaction. */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public void delete(long id) {
        Host host = find(id);
        scope.requireWrite(host.teamId());
        revocation.revokeAllForHost(id);
        em.createNamedQuery("PolicyResult.deleteByHost").setParameter("hostId", id).executeUpdate();
        em.remove(host);
    }

    /** Asks the agent to run its policies again at its next distributed read. */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public void requestRefetch(long id) {
        Host host = find(id);
        scope.requireWrite(host.teamId());
        host.setRefetchRequested(true);
    }

    /** The host's device token for its My device URL, created on first use. */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public String ensureDeviceToken(long hostId) {
        scope.requireWrite(find(hostId).teamId());
        return deviceTokenFor(hostId);
    }

    /** The same for the sign-in flow, which has no signed-in caller: the token goes only to the device. */
    public String deviceTokenFor(long hostId) {
        Host host = find(hostId);
        if (host.deviceToken() == null) {
            String token;
            do {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            } while (byDeviceToken(token).isPresent());
            host.assignDeviceToken(token);
        }
        return host.deviceToken();
    }

    public Optional<Host> byDeviceToken(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return em.createNamedQuery("Host.byDeviceToken", Host.class).setParameter("token", token)
                .getResultStream().findFirst();
    }
}
