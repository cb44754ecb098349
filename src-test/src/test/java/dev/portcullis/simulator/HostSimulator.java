package dev.portcullis.simulator;

import dev.portcullis.it.Agent;
import dev.portcullis.it.Api;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Plays osquery hosts against a running Portcullis over the real agent API, to see it work
 * before installing agents. Not a test: {@code mvn -Psimulate verify} runs it.
 *
 * <p>Each host enrolls with a stable hardware UUID (from {@code sim.prefix} and its index), then
 * each round reads its distributed queries, answers every policy query with pass or fail, and
 * answers the detail queries with its hostname and macOS 14.5. A host fails a policy when a hash
 * of (prefix, index, query name) falls under {@code sim.failing}, so the same hosts fail the same
 * policies in every round and every run.
 *
 * <p>System properties: {@code sim.url} (http://127.0.0.1:8080), {@code sim.secret} (required),
 * {@code sim.hosts} (50), {@code sim.failing} (0.2), {@code sim.interval.seconds} (10),
 * {@code sim.rounds} (3; 0 runs until interrupted), {@code sim.prefix} (sim),
 * {@code sim.allow.remote} (false: the URL must be loopback).
 */
public final class HostSimulator {

    private static final String POLICY_QUERY_PREFIX = "fleet_policy_query_";

    private final Api api;
    private final String secret;
    private final String prefix;
    private final double failing;
    private final List<Agent> agents = new ArrayList<>();

    /** One round's figures. */
    public record Round(int number, int hosts, int resultsWritten, int failures, int errors, double seconds) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "round %d: %d hosts, %d results written, %d failing, %d errors, %.1f results/s",
                    number, hosts, resultsWritten, failures, errors, seconds <= 0 ? 0 : resultsWritten / seconds);
        }
    }

    public HostSimulator(Api api, String secret, int hosts, double failing, String prefix) {
        if (hosts < 1 || failing < 0 || failing > 1 || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("need hosts >= 1, 0 <= failing <= 1 and an enroll secret");
        }
        this.api = api;
        this.secret = secret;
        this.prefix = prefix;
        this.failing = failing;
        for (int i = 0; i < hosts; i++) {
            agents.add(new Agent(api, hardwareUuid(prefix, i), prefix + "-host-" + i));
        }
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("sim.url", "http://127.0.0.1:8080").replaceAll("/+$", "");
        String secret = System.getProperty("sim.secret", "");
        int hosts = Integer.getInteger("sim.hosts", 50);
        double failing = Double.parseDouble(System.getProperty("sim.failing", "0.2"));
        int interval = Integer.getInteger("sim.interval.seconds", 10);
        int rounds = Integer.getInteger("sim.rounds", 3);
        String prefix = System.getProperty("sim.prefix", "sim");
        boolean allowRemote = Boolean.parseBoolean(System.getProperty("sim.allow.remote", "false"));
        if (secret.isBlank()) {
            throw new IllegalArgumentException("-Dsim.secret=<an enroll secret> is required");
        }
        if (interval < 0 || rounds < 0) {
            throw new IllegalArgumentException("need sim.interval.seconds >= 0 and sim.rounds >= 0");
        }
        requireLoopback(url, allowRemote);
        HostSimulator sim = new HostSimulator(Api.of(url), secret, hosts, failing, prefix);
        System.out.printf(Locale.ROOT, "Simulating %d hosts (prefix %s, %.0f%% failing) against %s, %s%n", hosts, prefix,
                failing * 100, url, rounds == 0 ? "until interrupted" : rounds + " rounds");
        int enrolled = sim.enrollAll();
        System.out.println("enrolled " + enrolled + " of " + hosts + " hosts");
        if (enrolled == 0) {
            throw new IllegalStateException("no host could enroll: check sim.url and sim.secret");
        }
        for (int n = 1; rounds == 0 || n <= rounds; n++) {
            System.out.println(sim.round(n));
            if (rounds == 0 || n < rounds) {
                Thread.sleep(interval * 1000L);
            }
        }
    }

    /** Only loopback unless remote use is allowed explicitly. */
    static void requireLoopback(String url, boolean allowRemote) throws UnknownHostException {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("sim.url must be an http(s) URL: " + url);
        }
        if (!allowRemote) {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (!a.isLoopbackAddress()) {
                    throw new IllegalArgumentException(uri.getHost() + " is not loopback; add -Dsim.allow.remote=true");
                }
            }
        }
    }

    /** A stable hardware UUID for host {@code index}. */
    public static String hardwareUuid(String prefix, int index) {
        return UUID.nameUUIDFromBytes(("portcullis-sim:" + prefix + ":" + index).getBytes(StandardCharsets.UTF_8))
                .toString().toUpperCase(Locale.ROOT);
    }

    /** Whether host {@code index} fails the query with this name: stable across rounds and runs. */
    public boolean fails(int index, String queryName) {
        UUID h = UUID.nameUUIDFromBytes((prefix + ":" + index + ":" + queryName).getBytes(StandardCharsets.UTF_8));
        double unit = (h.getMostSignificantBits() >>> 11) / (double) (1L << 53);
        return unit < failing;
    }

    /** Enrolls every host; returns how many enrolled. */
    public int enrollAll() {
        int ok = 0;
        for (Agent agent : agents) {
            Api.Response r = agent.enroll(secret);
            if (r.status() == 200) {
                ok++;
            } else {
                System.out.println("enroll " + agent.hardwareUuid() + ": " + r);
            }
        }
        return ok;
    }

    /** One round: each host reads its queries and answers the policy and detail queries. */
    public Round round(int number) {
        long start = System.nanoTime();
        int written = 0;
        int failures = 0;
        int errors = 0;
        for (int i = 0; i < agents.size(); i++) {
            Agent agent = agents.get(i);
            try {
                if (agent.nodeKey() == null && agent.enroll(secret).status() != 200) {
                    errors++;
                    continue;
                }
                JsonObject queries = agent.read();
                Map<String, Agent.Result> results = new LinkedHashMap<>();
                for (String name : queries.keySet()) {
                    if (name.startsWith(POLICY_QUERY_PREFIX)) {
                        results.put(name, fails(i, name) ? Agent.Result.FAIL : Agent.Result.PASS);
                    }
                }
                boolean detailsDue = queries.containsKey(Agent.SYSTEM_INFO) || queries.containsKey(Agent.OS_VERSION);
                if (results.isEmpty() && !detailsDue) {
                    continue;
                }
                Api.Response r = agent.write(results, detailsDue ? agent.details() : null);
                if (r.status() == 200) {
                    written += results.size();
                    failures += (int) results.values().stream().filter(v -> v == Agent.Result.FAIL).count();
                } else {
                    errors++;
                    if (r.status() == 401) {
                        agent.enroll(secret); // node_invalid: enroll again, as osquery does
                    }
                }
            } catch (RuntimeException | AssertionError e) {
                errors++;
            }
        }
        return new Round(number, agents.size(), written, failures, errors, (System.nanoTime() - start) / 1e9);
    }
}
