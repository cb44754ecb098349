package dev.portcullis.agent;

import dev.portcullis.host.Host;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.policy.PolicyService;
import dev.portcullis.problem.Refusal;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.team.EnrollSecret;
import dev.portcullis.team.TeamService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The osquery TLS remote API's use cases: enroll, config, distributed read and write. Policies
 * travel as distributed queries named {@value #POLICY_QUERY_PREFIX}&lt;policy id&gt;.
 */
@Stateless
public class AgentService {

    public static final String POLICY_QUERY_PREFIX = "fleet_policy_query_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private DeploymentConfig config;

    @EJB
    private TeamService teams;

    @EJB
    private PolicyService policies;

    /**
     * Enrolls (or re-enrolls) the host with this hardware UUID and returns its new node key.
     * The secret decides the team: a team's secret puts the host there, a global one in no team.
     */
    public String enroll(String enrollSecret, String hostIdentifier, HostDetails details) {
        EnrollSecret secret = teams.findSecret(enrollSecret);
        if (secret == null) {
            throw Refusal.nodeInvalid("enroll failed: no matching secret found");
        }
        String uuid = details.hardwareUuid() != null && !details.hardwareUuid().isBlank()
                ? details.hardwareUuid() : hostIdentifier;
        if (uuid == null || uuid.isBlank()) {
            throw Refusal.badRequest("enroll failed: the host has no hardware UUID or host identifier");
        }
        String normalised = Host.normaliseUuid(uuid);
        if (normalised.length() > 64) {
            throw Refusal.badRequest("enroll failed: the host identifier is too long");
        }
        Instant now = Instant.now();
        Host host = em.createNamedQuery("Host.byUuid", Host.class).setParameter("uuid", normalised)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        if (host == null) {
            host = new Host(normalised, now);
            em.persist(host);
        }
        host.enrolled(newNodeKey(), truncate(hostIdentifier, 255), secret.teamId(), now);
        host.describe(truncate(details.hostname(), 255), truncate(details.platform(), 64),
                truncate(details.osVersion(), 255));
        // A new enrollment runs the policies at once rather than waiting for the interval.
        host.setRefetchRequested(true);
        return host.nodeKey();
    }

    /** The host behind a node key; an unknown key tells osquery to enroll again. */
    public Host authenticate(String nodeKey) {
        if (nodeKey == null || nodeKey.isBlank() || nodeKey.length() > 64) {
            throw Refusal.nodeInvalid("invalid node key");
        }
        Host host = em.createNamedQuery("Host.byNodeKey", Host.class).setParameter("nodeKey", nodeKey)
                .getResultStream().findFirst().orElse(null);
        if (host == null) {
            throw Refusal.nodeInvalid("invalid node key");
        }
        return host;
    }

    /** Marks the host seen (osquery's config request). */
    public void fetchConfig(String nodeKey) {
        authenticate(nodeKey).seen(Instant.now());
    }

    /** The distributed queries due on the host: its policies, when their results are stale. */
    public Map<String, String> distributedRead(String nodeKey) {
        Host host = authenticate(nodeKey);
        Instant now = Instant.now();
        host.seen(now);
        boolean due = host.refetchRequested() || host.policyUpdatedAt() == null
                || host.policyUpdatedAt().plus(config.policyUpdateInterval()).isBefore(now);
        Map<String, String> queries = new LinkedHashMap<>();
        if (due) {
            for (Policy p : policies.applicableTo(host)) {
                queries.put(POLICY_QUERY_PREFIX + p.id(), p.query());
            }
        }
        return queries;
    }

    /**
     * Records the results of the host's policy queries. Names that are not the host's policies
     * are ignored; an error status records "no result" rather than a failure.
     */
    public void distributedWrite(String nodeKey, Map<String, QueryOutcome> outcomes) {
        Host host = authenticate(nodeKey);
        em.lock(host, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        Map<Long, Policy> applicable = policies.applicableTo(host).stream()
                .collect(Collectors.toMap(Policy::id, Function.identity()));
        boolean policiesReported = false;
        for (Map.Entry<String, QueryOutcome> e : outcomes.entrySet()) {
            Long policyId = policyId(e.getKey());
            if (policyId == null) {
                continue;
            }
            policiesReported = true;
            if (!applicable.containsKey(policyId)) {
                continue;
            }
            Boolean passes = e.getValue().passes();
            PolicyResult result = em.find(PolicyResult.class, new PolicyResult.Key(host.id(), policyId));
            if (result == null) {
                em.persist(new PolicyResult(host.id(), policyId, passes, now));
            } else {
                result.record(passes, now);
            }
        }
        if (policiesReported) {
            host.policiesReported(now);
            host.setRefetchRequested(false);
        } else {
            host.seen(now);
        }
    }

    private static Long policyId(String queryName) {
        if (queryName == null || !queryName.startsWith(POLICY_QUERY_PREFIX)) {
            return null;
        }
        try {
            return Long.parseLong(queryName.substring(POLICY_QUERY_PREFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String newNodeKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
