package dev.portcullis.policy;

import static dev.portcullis.user.SecurityRoles.ADMIN;
import static dev.portcullis.user.SecurityRoles.MAINTAINER;
import static dev.portcullis.user.SecurityRoles.OBSERVER;
import static dev.portcullis.user.SecurityRoles.TEAM_MAINTAINER;
import static dev.portcullis.user.SecurityRoles.TEAM_OBSERVER;

import dev.portcullis.audit.ActivityDetails;
import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.host.Host;
import dev.portcullis.problem.Refusal;
import dev.portcullis.problem.Creating;
import dev.portcullis.problem.Validation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import dev.portcullis.team.Team;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import dev.portcullis.user.TeamScope;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Global and team policies. Every method takes the scope it was asked in (null team = global),
 * and a policy outside that scope is "not found".
 */
@Stateless
@PermitAll
public class PolicyService {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @EJB
    private ActivityLog activities;

    @EJB
    private TeamScope scope;

    /** A policy with how many hosts pass and fail it. */
    public record PolicyStats(Policy policy, long passingHostCount, long failingHostCount) {
    }

    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public PolicyStats create(Long teamId, @NotNull @Valid @ConvertGroup(to = Creating.class) PolicyDraft draft,
                              String actorEmail) {
        scope.requireWrite(teamId);
        requireTeam(teamId);
        Validation v = new Validation();
        String platform = normalisePlatform(draft.platform(), v);
        v.check();
        requireUniqueName(teamId, draft.name().strip(), null);
        Policy policy = new Policy(teamId, draft.name(), draft.query(), Instant.now());
        apply(policy, draft, platform);
        em.persist(policy);
        em.flush();
        activities.record(ActivityType.CREATED_POLICY, actorEmail, details(policy));
        return new PolicyStats(policy, 0, 0);
    }

    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public PolicyStats update(Long teamId, long id, @NotNull @Valid PolicyDraft draft, String actorEmail) {
        scope.requireWrite(teamId);
        Policy policy = find(teamId, id);
        Validation v = new Validation();
        String platform = normalisePlatform(draft.platform(), v);
        v.check();
        if (draft.name() != null) {
            requireUniqueName(teamId, draft.name().strip(), policy.id());
            policy.rename(draft.name());
        }
        if (draft.query() != null) policy.changeQuery(draft.query());
        apply(policy, draft, platform);
        policy.touched(Instant.now());
        activities.record(ActivityType.EDITED_POLICY, actorEmail, details(policy));
        return stats(List.of(policy)).get(0);
    }

    /** Global policies are readable by every role (team users see them as inherited). */
    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public PolicyStats get(Long teamId, long id) {
        if (teamId != null) scope.requireRead(teamId);
        return stats(List.of(find(teamId, id))).get(0);
    }

    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public List<PolicyStats> list(Long teamId) {
        if (teamId != null) scope.requireRead(teamId);
        requireTeam(teamId);
        List<Policy> policies = teamId == null
                ? em.createNamedQuery("Policy.global", Policy.class).getResultList()
                : em.createNamedQuery("Policy.byTeam", Policy.class).setParameter("teamId", teamId).getResultList();
        return stats(policies);
    }

    /** Deletes the policies (in this scope) and their results; returns how many were deleted. */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public int delete(Long teamId, List<Long> ids, String actorEmail) {
        scope.requireWrite(teamId);
        requireTeam(teamId);
        if (ids == null || ids.isEmpty()) {
            throw Refusal.invalid("ids", "ids must list at least one policy");
        }
        List<Policy> policies = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            if (id == null) throw Refusal.invalid("ids", "ids must not contain null");
            policies.add(find(teamId, id));
        }
        for (Policy p : policies) {
            em.createNamedQuery("PolicyResult.deleteByPolicy").setParameter("policyId", p.id()).executeUpdate();
            em.remove(p);
            activities.record(ActivityType.EDITED_POLICY, actorEmail,
                    Json.createObjectBuilder(details(p)).add("deleted", true).build());
        }
        return policies.size();
    }

    /** The policies a host should run: global and its team's, for its platform. */
    public List<Policy> applicableTo(Host host) {
        List<Policy> candidates = host.teamId() == null
                ? em.createNamedQuery("Policy.global", Policy.class).getResultList()
                : em.createNamedQuery("Policy.forTeamOrGlobal", Policy.class)
                        .setParameter("teamId", host.teamId()).getResultList();
        String family = PlatformFamily.of(host.platform());
        return candidates.stream().filter(p -> p.appliesToPlatform(family)).toList();
    }

    /** The host's applicable policies with their latest responses. */
    public List<HostPolicy> onHost(Host host) {
        Map<Long, PolicyResult> results = new HashMap<>();
        for (PolicyResult r : em.createNamedQuery("PolicyResult.byHost", PolicyResult.class)
                .setParameter("hostId", host.id()).getResultList()) {
            results.put(r.policyId(), r);
        }
        return applicableTo(host).stream().map(p -> {
            PolicyResult r = results.get(p.id());
            return new HostPolicy(p, r == null ? "" : r.response(), r == null ? null : r.errorMessage());
        }).toList();
    }

    private Policy find(Long teamId, long id) {
        requireTeam(teamId);
        Policy policy = em.find(Policy.class, id);
        if (policy == null || !Objects.equals(policy.teamId(), teamId)) {
            throw Refusal.notFound("Policy " + id);
        }
        return policy;
    }

    private void requireTeam(Long teamId) {
        if (teamId != null && em.find(Team.class, teamId) == null) {
            throw Refusal.notFound("Team " + teamId);
        }
    }

    private void requireUniqueName(Long teamId, String name, Long except) {
        List<Policy> same = teamId == null
                ? em.createNamedQuery("Policy.globalByName", Policy.class).setParameter("name", name).getResultList()
                : em.createNamedQuery("Policy.byTeamAndName", Policy.class)
                        .setParameter("teamId", teamId).setParameter("name", name).getResultList();
        if (same.stream().anyMatch(p -> !p.id().equals(except))) {
            throw Refusal.conflict("A policy with the name " + name + " already exists");
        }
    }

    private static void apply(Policy policy, PolicyDraft draft, String platform) {
        if (draft.description() != null) policy.describe(draft.description());
        if (draft.resolution() != null) policy.setResolution(draft.resolution());
        if (platform != null) policy.setPlatform(platform);
        if (draft.critical() != null) policy.setCritical(draft.critical());
        if (draft.conditionalAccessEnabled() != null) policy.setConditionalAccessEnabled(draft.conditionalAccessEnabled());
    }

    /** The platform list in canonical form ("" for all), or null when not given. */
    private static String normalisePlatform(String platform, Validation v) {
        if (platform == null) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (String raw : platform.split(",")) {
            String p = raw.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            if (!PlatformFamily.POLICY_PLATFORMS.contains(p)) {
                v.add("platform", "platform must be a comma-separated list of darwin, windows, linux, chrome; got "
                        + raw.strip());
                return null;
            }
            values.add(p);
        }
        return String.join(",", values);
    }

    private List<PolicyStats> stats(List<Policy> policies) {
        if (policies.isEmpty()) {
            return List.of();
        }
        Map<Long, long[]> counts = new HashMap<>();
        List<Object[]> rows = em.createNamedQuery("PolicyResult.countsByPolicy", Object[].class)
                .setParameter("policyIds", policies.stream().map(Policy::id).toList()).getResultList();
        for (Object[] row : rows) {
            long[] c = counts.computeIfAbsent((Long) row[0], k -> new long[2]);
            c[Boolean.TRUE.equals(row[1]) ? 0 : 1] += ((Number) row[2]).longValue();
        }
        return policies.stream().map(p -> {
            long[] c = counts.getOrDefault(p.id(), new long[2]);
            return new PolicyStats(p, c[0], c[1]);
        }).toList();
    }

    private static jakarta.json.JsonObject details(Policy p) {
        return ActivityDetails.id(Json.createObjectBuilder().add("policy_id", p.id()).add("policy_name", p.name()),
                "team_id", p.teamId()).build();
    }
}
