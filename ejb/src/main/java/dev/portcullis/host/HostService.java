package dev.portcullis.host;

import static dev.portcullis.user.SecurityRoles.ADMIN;
import static dev.portcullis.user.SecurityRoles.MAINTAINER;
import static dev.portcullis.user.SecurityRoles.OBSERVER;
import static dev.portcullis.user.SecurityRoles.TEAM_MAINTAINER;
import static dev.portcullis.user.SecurityRoles.TEAM_OBSERVER;

import dev.portcullis.audit.SignInRecord;
import dev.portcullis.ca.CertificateRevocation;
import dev.portcullis.ca.IssuedCertificate;
import dev.portcullis.audit.ActivityDetails;
import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.policy.GatingPolicies;
import dev.portcullis.policy.HostPolicy;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyService;
import dev.portcullis.problem.Refusal;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.settings.SettingsService;
import dev.portcullis.team.Team;
import dev.portcullis.user.TeamScope;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

    @Inject
    private DeploymentConfig config;

    @EJB
    private TeamScope scope;

    @EJB
    private GatingPolicies gating;

    @EJB
    private SettingsService settings;

    /** How many sign-ins the host details show, newest first. */
    public static final int RECENT_SIGN_INS = 10;

    /** A host with its applicable policies and responses, its certificates and its latest sign-ins. */
    public record HostDetail(Host host, List<HostPolicy> policies, List<IssuedCertificate> certificates,
                             List<SignInRecord> signIns) {
    }

    /** Whether conditional access applies to a host, and how many of its gating policies it fails. */
    public record GatingStatus(boolean conditionalAccessOn, long failingPolicies) {
    }

    /** A host's My device page: its device token and the URL to hand to the device's user. */
    public record DeviceLink(String token, String url) {
    }

    /** One page of the hosts matching {@code search}; {@code page} counts from 0. */
    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public List<Host> list(HostSearch search, int page, int perPage) {
        requireReadScope(search);
        if (page < 0 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("page " + page + ", per_page " + perPage);
        }
        requireFilterTargets(search);
        String direction = search.descending() ? " DESC" : " ASC";
        String order = " ORDER BY h." + search.orderKey().field + direction
                + (search.orderKey() == HostSearch.OrderKey.ID ? "" : ", h.id" + direction);
        TypedQuery<Host> query = em.createQuery("SELECT h FROM " + from(search) + where(search) + order, Host.class);
        bind(query, search);
        return query.setFirstResult(Math.multiplyExact(page, perPage)).setMaxResults(perPage).getResultList();
    }

    /** How many hosts match {@code search}, counted by the database. */
    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public long count(HostSearch search) {
        requireReadScope(search);
        requireFilterTargets(search);
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(h) FROM " + from(search) + where(search), Long.class);
        bind(query, search);
        return query.getSingleResult();
    }

    /** A user with team roles must ask for one of their teams. */
    private void requireReadScope(HostSearch search) {
        scope.requireRead(search.team() instanceof HostSearch.TeamFilter.OfTeam team ? team.teamId() : null);
    }

    private void requireFilterTargets(HostSearch search) {
        if (search.team() instanceof HostSearch.TeamFilter.OfTeam team && em.find(Team.class, team.teamId()) == null) {
            throw Refusal.notFound("Team " + team.teamId());
        }
        if (search.policyId() != null && em.find(Policy.class, search.policyId()) == null) {
            throw Refusal.notFound("Policy " + search.policyId());
        }
    }

    private static String from(HostSearch search) {
        return search.policyId() == null ? "Host h" : "Host h, PolicyResult r";
    }

    // Built from fixed fragments only: user input travels as parameters, the order key is an enum.
    private static String where(HostSearch search) {
        List<String> conditions = new ArrayList<>();
        if (search.team() instanceof HostSearch.TeamFilter.OfTeam) {
            conditions.add("h.teamId = :teamId");
        } else if (search.team() instanceof HostSearch.TeamFilter.NoTeam) {
            conditions.add("h.teamId IS NULL");
        }
        if (search.policyId() != null) {
            // The verdict as 1/0 rather than a boolean literal: with the text filter's functions, EclipseLink's
            // H2 platform writes every value into the SQL text, a boolean as 0/1, which H2 2.x refuses to compare
            // with a BOOLEAN column. CASE reads the same on H2 and PostgreSQL.
            String verdict = search.policyResponse() == null ? "r.passes IS NOT NULL"
                    : "r.passes IS NOT NULL AND SQL('CASE WHEN ? THEN 1 ELSE 0 END', r.passes) = "
                    + (search.policyResponse() == HostSearch.PolicyResponse.PASSING ? "1" : "0");
            // A join, not EXISTS: (host_id, policy_id) is the results' key, so a host appears at most once, and
            // EclipseLink binds a boolean literal inside a subquery as 0/1, which H2 2.x refuses to compare.
            conditions.add("r.hostId = h.id AND r.policyId = :policyId AND " + verdict);
        }
        if (search.text() != null) {
            conditions.add("(LOWER(h.hostname) LIKE :lowerText ESCAPE '!' OR h.hardwareUuid LIKE :upperText ESCAPE '!')");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(TypedQuery<?> query, HostSearch search) {
        if (search.team() instanceof HostSearch.TeamFilter.OfTeam team) {
            query.setParameter("teamId", team.teamId());
        }
        if (search.policyId() != null) {
            query.setParameter("policyId", search.policyId());
        }
        if (search.text() != null) {
            String escaped = search.text().strip().replace("!", "!!").replace("%", "!%").replace("_", "!_");
            query.setParameter("lowerText", "%" + escaped.toLowerCase(Locale.ROOT) + "%");
            query.setParameter("upperText", "%" + escaped.toUpperCase(Locale.ROOT) + "%");
        }
    }

    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public HostDetail get(long id) {
        Host host = find(id);
        scope.requireRead(host.teamId());
        List<IssuedCertificate> certificates = em.createNamedQuery("IssuedCertificate.byHost", IssuedCertificate.class)
                .setParameter("hostId", id).getResultList();
        List<SignInRecord> signIns = em.createNamedQuery("SignInRecord.byHost", SignInRecord.class)
                .setParameter("hostId", id).setMaxResults(RECENT_SIGN_INS).getResultList();
        return new HostDetail(host, policies.onHost(host), certificates, signIns);
    }

    /** The gating status of each of these hosts (a page of a listing), keyed by host id. */
    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public Map<Long, GatingStatus> gatingStatus(List<Host> hosts) {
        TeamScope.CallerRoles caller = scope.caller();
        if (hosts.stream().anyMatch(h -> !caller.mayRead(h.teamId()))) {
            throw Refusal.forbidden("forbidden");
        }
        Map<Long, Long> failing = gating.failingCounts(hosts);
        Map<Long, GatingStatus> status = new java.util.HashMap<>();
        for (Host h : hosts) {
            status.put(h.id(), new GatingStatus(gating.enabledFor(h), failing.getOrDefault(h.id(), 0L)));
        }
        return status;
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
            if (!Objects.equals(host.teamId(), teamId)) {
                host.moveToTeam(teamId);
                // Its new team's policies have no results yet: ask the agent now, not at the next interval.
                host.setRefetchRequested(true);
            }
            moved.add(id);
        }
        activities.record(ActivityType.TRANSFERRED_HOSTS, actorEmail,
                ActivityDetails.id(Json.createObjectBuilder().add("host_ids", moved), "team_id", teamId).build());
    }

    /**
     * Deletes the host and its policy results, and revokes its certificates in the same transaction.
     * The activity keeps who deleted which machine: the host row itself is gone afterwards.
     */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public void delete(long id, String actorEmail) {
        Host host = find(id);
        scope.requireWrite(host.teamId());
        revocation.revokeAllForHost(id);
        em.createNamedQuery("PolicyResult.deleteByHost").setParameter("hostId", id).executeUpdate();
        em.remove(host);
        activities.record(ActivityType.DELETED_HOST, actorEmail, ActivityDetails.id(
                HostActivity.details(host).add("host_hardware_uuid", host.hardwareUuid()), "team_id", host.teamId()).build());
    }

    /** Asks the agent to run its policies again at its next distributed read. */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public void requestRefetch(long id) {
        Host host = find(id);
        scope.requireWrite(host.teamId());
        host.setRefetchRequested(true);
    }

    /** The host's device token for its My device URL, created or rotated as needed. */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public String ensureDeviceToken(long hostId) {
        Host host = find(hostId);
        scope.requireWrite(host.teamId());
        return ensureDeviceToken(host);
    }

    /** The host's My device URL under the server URL an administrator set (or the deployment's). */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public DeviceLink deviceLink(long hostId) {
        String token = ensureDeviceToken(hostId);
        String base = settings.current().serverUrl();
        if (base == null) base = config.serverUrl().orElse("");
        return new DeviceLink(token, base + "/device/" + token);
    }

    /**
     * The device token of a host already read in this transaction. A token past half its TTL is
     * replaced, so a link handed out now stays valid for at least half the TTL. A fresh token
     * costs no query: this runs on every blocked sign-in.
     */
    public String ensureDeviceToken(Host host) {
        Instant now = Instant.now();
        Instant cutoff = now.minus(config.deviceTokenTtl().dividedBy(2));
        if (host.deviceToken() != null && !host.deviceTokenIssuedBefore(cutoff)) {
            return host.deviceToken();
        }
        em.createNamedQuery("Host.rotateDeviceToken").setParameter("token", newDeviceToken())
                .setParameter("now", now).setParameter("id", host.id()).setParameter("cutoff", cutoff).executeUpdate();
        // Whether this call or a racing one rotated it, the row now holds the current token.
        em.refresh(host);
        return host.deviceToken();
    }

    /** The host whose current device token this is; an unknown or expired token finds nothing. */
    public Optional<Host> byDeviceToken(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        Instant oldestValid = Instant.now().minus(config.deviceTokenTtl());
        return em.createNamedQuery("Host.byDeviceToken", Host.class).setParameter("token", token)
                .getResultStream().findFirst().filter(h -> !h.deviceTokenIssuedBefore(oldestValid));
    }

    // 256 random bits; the unique index on device_token would refuse the impossible duplicate.
    private static String newDeviceToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
