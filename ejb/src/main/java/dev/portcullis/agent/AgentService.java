package dev.portcullis.agent;

import dev.portcullis.audit.ActivityDetails;
import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.host.Host;
import dev.portcullis.host.HostActivity;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The osquery TLS remote API's use cases: enroll, config, distributed read and write. Policies
 * travel as distributed queries named {@value #POLICY_QUERY_PREFIX}&lt;policy id&gt;, the host's
 * details as the {@link DetailQuery detail queries}.
 */
@Stateless
public class AgentService {

    public static final String POLICY_QUERY_PREFIX = "fleet_policy_query_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(AgentService.class.getName());
    private static final Set<String> LOG_TYPES = Set.of("status", "result");
    /** Control characters and bidirectional marks and overrides: they make agent text read as other text. */
    private static final Pattern DISGUISING = Pattern.compile("[\\p{Cntrl}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private DeploymentConfig config;

    @EJB
    private TeamService teams;

    @EJB
    private PolicyService policies;

    @EJB
    private ActivityLog activities;

    /**
     * Enrolls (or re-enrolls) the host with this hardware UUID and returns its new node key.
     * The secret decides the team: a team's secret puts the host there, a global one in no team.
     * Within the enroll cooldown a second enrollment into the same team is refused (see
     * {@link #inCooldown}): osquery retries with growing pauses, and the key in use is never handed out.
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
        } else if (inCooldown(host, secret.teamId(), now, config.enrollCooldown())) {
            // Refused without a change: handing back the current key would give it to anyone who
            // knows the UUID and a secret, and a new key would churn on every retry of a storm.
            throw Refusal.nodeInvalid("enroll failed: this host enrolled moments ago; try again later");
        } else {
            reenrolled(host, secret.teamId());
        }
        describe(host, details);
        host.enrolled(newNodeKey(), clean(hostIdentifier, 255), secret.teamId(), now);
        // A new enrollment runs the policies at once rather than waiting for the interval.
        host.setRefetchRequested(true);
        return host.nodeKey();
    }

    /**
     * Whether an enrollment at {@code now} is refused as a retry: the host enrolled less than
     * {@code cooldown} ago (zero turns this off) and the secret is for the team it is in. A secret
     * of another team always means a new enrollment, so it moves the host.
     */
    static boolean inCooldown(Host host, Long secretTeamId, Instant now, Duration cooldown) {
        return !cooldown.isZero() && host.nodeKey() != null && host.lastEnrolledAt() != null
                && now.isBefore(host.lastEnrolledAt().plus(cooldown))
                && Objects.equals(host.teamId(), secretTeamId);
    }

    /**
     * A known machine enrolling again replaces its node key, and a secret of another team moves it:
     * kept in the log, and in the activity feed when the team changes, so a move nobody made in the
     * console can be traced.
     */
    private void reenrolled(Host host, Long newTeamId) {
        LOG.info(() -> "host " + host.id() + " enrolled again" + (Objects.equals(host.teamId(), newTeamId) ? ""
                : ", moving from team " + host.teamId() + " to team " + newTeamId));
        if (!Objects.equals(host.teamId(), newTeamId)) {
            var details = ActivityDetails.id(HostActivity.details(host), "previous_team_id", host.teamId());
            activities.record(ActivityType.REENROLLED_HOST_TO_TEAM, null, ActivityDetails.id(details, "team_id", newTeamId).build());
        }
    }

    /**
     * osquery's status and result logs: accepted from enrolled hosts and not kept (nothing reads
     * them yet). Only the count is logged, never the contents, which may hold anything.
     */
    public void acceptLogs(String nodeKey, String logType, int entries) {
        Host host = authenticate(nodeKey);
        if (logType == null || !LOG_TYPES.contains(logType)) {
            throw Refusal.badRequest("log_type must be status or result");
        }
        host.seen(Instant.now());
        LOG.fine(() -> "host " + host.id() + ": " + entries + " " + logType + " log entries received, not kept");
    }

    /** The host behind a node key; an unknown key tells osquery to enroll again. */
    public Host authenticate(String nodeKey) {
        return authenticate(nodeKey, LockModeType.NONE);
    }

    private Host authenticate(String nodeKey, LockModeType lock) {
        if (nodeKey == null || nodeKey.isBlank() || nodeKey.length() > 64) {
            throw Refusal.nodeInvalid("invalid node key");
        }
        Host host = em.createNamedQuery("Host.byNodeKey", Host.class).setParameter("nodeKey", nodeKey)
                .setLockMode(lock).getResultStream().findFirst().orElse(null);
        if (host == null) {
            throw Refusal.nodeInvalid("invalid node key");
        }
        return host;
    }

    /** Marks the host seen (osquery's config request). */
    public void fetchConfig(String nodeKey) {
        authenticate(nodeKey).seen(Instant.now());
    }

    /**
     * The distributed queries due on the host: the detail queries and its policies, each set when
     * its results are stale (see {@link #due}).
     */
    public Map<String, String> distributedRead(String nodeKey) {
        Host host = authenticate(nodeKey);
        Instant now = Instant.now();
        host.seen(now);
        Map<String, String> queries = new LinkedHashMap<>();
        if (due(host.detailUpdatedAt(), config.detailUpdateInterval(), host.refetchRequested(), now)) {
            for (DetailQuery q : DetailQuery.values()) {
                queries.put(q.queryName(), q.sql());
            }
        }
        if (due(host.policyUpdatedAt(), config.policyUpdateInterval(), host.refetchRequested(), now)) {
            for (Policy p : policies.applicableTo(host)) {
                queries.put(POLICY_QUERY_PREFIX + p.id(), p.query());
            }
        }
        return queries;
    }

    /**
     * Whether results last reported at {@code updatedAt} are asked for again: when none came yet,
     * when they are older than {@code interval}, or when a refetch (or a new enrollment) asks.
     */
    static boolean due(Instant updatedAt, Duration interval, boolean refetchRequested, Instant now) {
        return refetchRequested || updatedAt == null || updatedAt.plus(interval).isBefore(now);
    }

    /**
     * Records the results of the host's policy and detail queries. Names that are not the host's
     * policies (another team's, another platform's, unknown) or not a known detail query are
     * ignored and logged; a policy's error status records "no result" rather than a failure, with
     * the agent's message from {@code messages}, and a detail query's error status changes nothing.
     * {@code detailRows} holds the first row of each detail query that returned rows, by name.
     */
    public void distributedWrite(String nodeKey, Map<String, QueryOutcome> outcomes, Map<String, String> messages,
                                 Map<String, Map<String, String>> detailRows) {
        // Writes for one host queue on its row, so each sees the results the previous one left.
        Host host = authenticate(nodeKey, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        Map<Long, PolicyResult> stored = em.createNamedQuery("PolicyResult.byHost", PolicyResult.class)
                .setParameter("hostId", host.id()).getResultStream()
                .collect(Collectors.toMap(PolicyResult::policyId, Function.identity()));
        Map<Long, Policy> applicable = policies.applicableTo(host).stream()
                .collect(Collectors.toMap(Policy::id, Function.identity()));
        boolean policiesReported = false;
        Map<DetailQuery, Map<String, String>> details = new EnumMap<>(DetailQuery.class);
        for (Map.Entry<String, QueryOutcome> e : outcomes.entrySet()) {
            if (e.getKey().startsWith(DetailQuery.PREFIX)) {
                DetailQuery query = DetailQuery.named(e.getKey()).orElse(null);
                if (query == null) {
                    ignored(host, e.getKey());
                } else if (e.getValue() != QueryOutcome.ERROR) {
                    details.put(query, detailRows.getOrDefault(e.getKey(), Map.of()));
                }
                continue;
            }
            Long policyId = policyId(e.getKey());
            if (policyId == null) {
                ignored(host, e.getKey());
                continue;
            }
            if (!applicable.containsKey(policyId)) {
                // Not this host's (another team's, deleted since the read): answers no refetch either.
                ignored(host, e.getKey());
                continue;
            }
            policiesReported = true;
            Boolean passes = e.getValue().passes();
            String error = passes == null ? messages.get(e.getKey()) : null;
            PolicyResult result = stored.get(policyId);
            if (result == null) {
                em.persist(new PolicyResult(host.id(), policyId, passes, error, now));
            } else {
                result.record(passes, error, now);
            }
        }
        host.seen(now);
        if (!details.isEmpty()) {
            describe(host, DetailQuery.describe(details));
            host.detailsReported(now);
        }
        if (policiesReported) {
            host.policiesReported(now);
        }
        if (answersRefetch(policiesReported, !details.isEmpty(), !applicable.isEmpty())) {
            host.setRefetchRequested(false);
        }
    }

    /**
     * Whether a write answers a refetch (which asks for fresh policy results and details): policy
     * results do; details alone only for a host with no policies to run, else its policies would
     * stay stale. A host with policies sends both at once, as both were handed out together.
     */
    static boolean answersRefetch(boolean policiesReported, boolean detailsReported, boolean hasPolicies) {
        return policiesReported || detailsReported && !hasPolicies;
    }

    /** Values come from the agent: cut to the columns' lengths, without characters that disguise text. */
    private static void describe(Host host, HostDetails details) {
        host.describe(clean(details.hostname(), 255), clean(details.platform(), 64), clean(details.osVersion(), 255));
    }

    /**
     * Control characters (NUL, escape sequences) and bidirectional overrides, which make a name
     * read as another in the console or the log, are dropped before the value is cut to length.
     */
    static String clean(String value, int max) {
        return value == null ? null : truncate(DISGUISING.matcher(value).replaceAll(""), max);
    }

    /** The name comes from the agent: shortened and stripped of control characters for the log. */
    private static void ignored(Host host, String queryName) {
        String name = truncate(queryName, 100).replaceAll("\\p{Cntrl}", "?");
        LOG.info(() -> "host " + host.id() + ": ignored a result for " + name + ", not a query of this host");
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
