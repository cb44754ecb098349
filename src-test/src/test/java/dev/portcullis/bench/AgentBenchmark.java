package dev.portcullis.bench;

import dev.portcullis.it.Agent;
import dev.portcullis.it.Api;
import dev.portcullis.it.PortcullisServer;
import dev.portcullis.it.peers.ScepDevice;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * How fast the running server records policy results from agents, and whether that cost and the
 * sign-in decision stay flat as hosts accumulate. Not a test: {@code mvn -Pagent-bench verify}.
 *
 * <p>A team with conditional access and {@code bench.policies} policies (a quarter of them gating).
 * For each size in {@code bench.hosts} (ascending), hosts are enrolled over the osquery API up to
 * that many and report every policy once (first report: inserts); then {@code bench.writes}
 * distributed writes go to hosts drawn at random from the whole population, each flipping about
 * 5% of that host's results (steady state: updates). Last, {@code bench.signins} sign-ins, one at
 * a time, by hosts holding SCEP certificates, give the decision's latency at that size. Before
 * the first size is measured, the same writes and sign-ins run once unmeasured to warm the JIT.
 *
 * <p>Bodies are osquery's; the client sends them from {@code bench.threads} threads over loopback
 * HTTP, on the same cores as the server, so the server's CPU time per result is printed as well.
 */
public final class AgentBenchmark {

    private static final String WRITE_PATH = "/api/osquery/distributed/write";
    private static final int SIGN_IN_HOSTS = 20;
    private static final double INITIALLY_FAILING = 0.1;
    private static final double CHANGING_PER_WRITE = 0.05;

    private final PortcullisServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int threads;
    private final String secret = "bench-" + UUID.randomUUID();
    private final List<String> policyNames = new ArrayList<>();
    private final List<String> nodeKeys = new ArrayList<>();
    /** Per host, per policy: whether it currently passes (what the server should hold). */
    private final List<boolean[]> passing = new ArrayList<>();
    private final Optional<ProcessHandle> serverJvm;

    private AgentBenchmark(PortcullisServer server, int threads) {
        this.server = server;
        this.threads = threads;
        this.serverJvm = BenchSupport.serverJvm(server);
    }

    /** One row of the report. */
    private record Step(int hosts, double enrollsPerSecond, double firstReportResultsPerSecond,
                        double resultsPerSecond, double serverMicrosPerResult, double clientCpuShare, double p50Write,
                        double signInP50, double signInP90, double signInMean, int errors, String heap, long dbBytes) {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.hosts", "1000,10000,100000").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).sorted().toArray();
        int policies = Integer.getInteger("bench.policies", 20);
        int writes = Integer.getInteger("bench.writes", 20_000);
        int signIns = Integer.getInteger("bench.signins", 300);
        int threads = Integer.getInteger("bench.threads", 8);
        if (sizes.length == 0 || sizes[0] <= SIGN_IN_HOSTS || policies < 4 || writes < 1 || signIns < 1 || threads < 1) {
            throw new IllegalArgumentException("need bench.hosts > " + SIGN_IN_HOSTS
                    + ", bench.policies >= 4, bench.writes >= 1, bench.signins >= 1, bench.threads >= 1");
        }
        BenchSupport.choosePortOffset();
        PortcullisServer server = PortcullisServer.shared();
        System.out.println("Server started (log " + server.logFile() + ")");
        AgentBenchmark bench = new AgentBenchmark(server, threads);
        KeyPair oktaKey = BenchSupport.rsaKeyPair();
        BenchSupport.connectOkta(server.admin(), oktaKey);
        bench.createTeamWithPolicies(policies);
        RedirectSignIn okta = new RedirectSignIn(oktaKey.getPrivate(), BenchSupport.AUDIENCE,
                "https://okta.portcullis.test:" + server.httpsPort() + BenchSupport.SSO_PATH, "bench@example.com");

        List<Step> steps = new ArrayList<>();
        List<String> serials = List.of();
        for (int size : sizes) {
            System.out.printf(Locale.ROOT, "--- %,d hosts ---%n", size);
            int before = bench.nodeKeys.size();
            Load enroll = bench.enrollUpTo(size);
            if (serials.isEmpty()) {
                serials = bench.certificatesForSignInHosts();
            }
            Load first = bench.run(size - before, i -> bench.write(before + i, 0));
            System.out.printf(Locale.ROOT, "enrolled %,d hosts at %.0f/s; first report %.0f results/s%n",
                    size - before, enroll.okPerSecond(), first.okPerSecond() * policies);
            if (steps.isEmpty()) {
                // The server's JIT is cold at first; without this the smallest size looks slowest.
                System.out.println("warming up: " + writes + " writes, " + signIns + " sign-ins, not measured");
                int[] warmUpHosts = new SplittableRandom(-size).ints(writes, SIGN_IN_HOSTS, size).toArray();
                bench.run(writes, i -> bench.write(warmUpHosts[i], CHANGING_PER_WRITE));
                bench.signIns(okta, serials, signIns);
            }
            Duration cpuBefore = bench.serverCpu();
            long clientCpuBefore = BenchSupport.clientCpuNanos();
            SplittableRandom random = new SplittableRandom(size);
            int[] hosts = random.ints(writes, SIGN_IN_HOSTS, size).toArray();
            Load steady = bench.run(writes, i -> bench.write(hosts[i], CHANGING_PER_WRITE));
            Duration cpu = bench.serverCpu().minus(cpuBefore);
            double clientShare = (BenchSupport.clientCpuNanos() - clientCpuBefore)
                    / (double) Math.max(1, cpu.toNanos() + BenchSupport.clientCpuNanos() - clientCpuBefore);
            double results = (double) steady.ok() * policies;
            System.out.printf(Locale.ROOT, "steady state: %.0f results/s, server CPU %.1f µs per result%n",
                    steady.okPerSecond() * policies, cpu.toNanos() / 1e3 / Math.max(1, results));
            Load signIn = bench.signIns(okta, serials, signIns);
            steps.add(new Step(size, enroll.okPerSecond(), first.okPerSecond() * policies,
                    steady.okPerSecond() * policies, cpu.toNanos() / 1e3 / Math.max(1, results),
                    clientShare, steady.percentileMillis(50), signIn.percentileMillis(50), signIn.percentileMillis(90),
                    signIn.meanMillis(), enroll.errors() + first.errors() + steady.errors() + signIn.errors(),
                    bench.serverJvm.map(BenchSupport::heapInfo).orElse("n/a"), bench.databaseBytes()));
        }
        report(steps, policies, writes, signIns, threads);
        boolean failed = steps.stream().anyMatch(s -> s.errors() > 0);
        if (failed) {
            System.err.println("Some requests failed; server log: " + server.logFile());
        }
        // The shutdown hook of PortcullisServer stops the server.
        System.exit(failed ? 1 : 0);
    }

    private static void report(List<Step> steps, int policies, int writes, int signIns, int threads) {
        System.out.println();
        System.out.println("==== Portcullis agent benchmark ====");
        System.out.printf(Locale.ROOT, "%d policies per host (%d gating), %,d steady-state writes per size (~%.0f%% of a"
                        + " host's results change per write), %d client threads, %d cores, embedded H2%n",
                policies, gatingCount(policies), writes, CHANGING_PER_WRITE * 100, threads,
                Runtime.getRuntime().availableProcessors());
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("hosts    | enroll/s | first report results/s | steady results/s | server µs/result"
                + " | server-only capacity results/s | client CPU share | write p50 ms | sign-in p50/p90/mean ms"
                + " | errors | database MB | server heap");
        for (Step s : steps) {
            System.out.printf(Locale.ROOT, "%-8d | %8.0f | %22.0f | %16.0f | %16.1f | %30.0f | %15.0f%% | %12.1f"
                            + " | %7.1f / %4.1f / %4.1f    | %6d | %11.0f | %s%n", s.hosts(), s.enrollsPerSecond(),
                    s.firstReportResultsPerSecond(), s.resultsPerSecond(), s.serverMicrosPerResult(),
                    cores * 1e6 / s.serverMicrosPerResult(), s.clientCpuShare() * 100, s.p50Write(), s.signInP50(),
                    s.signInP90(), s.signInMean(), s.errors(), s.dbBytes() / 1e6, s.heap());
        }
        System.out.println("(server-only capacity: the steady rate if the server had all cores, from its CPU time per"
                + " result; the client shares the cores here and used the share shown)");
        Step smallest = steps.get(0);
        Step largest = steps.get(steps.size() - 1);
        System.out.printf(Locale.ROOT, "from %,d to %,d hosts: server µs/result x%.2f, steady results/s x%.2f,"
                        + " sign-in p50 x%.2f (%d sign-ins per size)%n", smallest.hosts(), largest.hosts(),
                largest.serverMicrosPerResult() / smallest.serverMicrosPerResult(),
                largest.resultsPerSecond() / smallest.resultsPerSecond(), largest.signInP50() / smallest.signInP50(),
                signIns);
        System.out.println("====================================");
    }

    private static int gatingCount(int policies) {
        return Math.max(1, policies / 4);
    }

    private void createTeamWithPolicies(int policies) {
        Api admin = server.admin();
        long teamId = BenchSupport.ok(admin.post("/api/v1/fleet/teams", Json.createObjectBuilder()
                .add("name", "agent-bench-" + UUID.randomUUID().toString().substring(0, 8))
                .add("secrets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("secret", secret)))
                .add("integrations", Json.createObjectBuilder().add("conditional_access_enabled", true))
                .build().toString())).getJsonObject("team").getJsonNumber("id").longValue();
        for (int p = 0; p < policies; p++) {
            JsonObject policy = BenchSupport.ok(admin.post("/api/v1/fleet/teams/" + teamId + "/policies",
                    Json.createObjectBuilder().add("name", "bench policy " + p)
                            .add("query", "SELECT 1 FROM disk_encryption WHERE encrypted = 1; -- " + p)
                            .add("resolution", "Turn on FileVault.").add("platform", "darwin")
                            .add("conditional_access_enabled", p < gatingCount(policies)).build().toString()))
                    .getJsonObject("policy");
            policyNames.add("fleet_policy_query_" + policy.getJsonNumber("id").longValue());
        }
    }

    /** Enrolls hosts until there are {@code size}; each starts with about 10% of its policies failing. */
    private Load enrollUpTo(int size) {
        int from = nodeKeys.size();
        String[] keys = new String[size - from];
        Load load = run(size - from, i -> {
            int host = from + i;
            String uuid = hardwareUuid(host);
            HttpResponse<String> r = post("/api/osquery/enroll", Agent.enrollBody(secret, uuid, "bench-mac-" + host));
            if (r.statusCode() == 200) {
                keys[i] = Json.createReader(new java.io.StringReader(r.body())).readObject().getString("node_key");
            }
            return r.statusCode();
        });
        SplittableRandom random = new SplittableRandom(from);
        for (int i = 0; i < keys.length; i++) {
            nodeKeys.add(keys[i]);
            boolean[] results = new boolean[policyNames.size()];
            for (int p = 0; p < results.length; p++) {
                // The sign-in hosts pass everything, so their sign-ins are allowed.
                results[p] = from + i < SIGN_IN_HOSTS || random.nextDouble() >= INITIALLY_FAILING;
            }
            passing.add(results);
        }
        return load;
    }

    /** A SCEP certificate for each sign-in host (the first ones); their serials in hex, as nginx sends them. */
    private List<String> certificatesForSignInHosts() throws Exception {
        String scepUrl = server.baseUrl() + "/api/fleet/conditional_access/scep";
        List<String> serials = new ArrayList<>();
        for (int h = 0; h < SIGN_IN_HOSTS; h++) {
            ScepDevice device = new ScepDevice();
            if (!device.enroll(scepUrl, device.csr(hardwareUuid(h), secret)).isSuccess()) {
                throw new IllegalStateException("SCEP enrollment failed for host " + h + "\n" + server.logTail(30));
            }
            serials.add(device.issued().getSerialNumber().toString(16));
        }
        return serials;
    }

    /**
     * One distributed write with all of the host's results, osquery's body: a row for a passing
     * policy, no rows for a failing one, status 0 for both. Each result flips with {@code change}.
     */
    private int write(int host, double change) {
        boolean[] results = passing.get(host);
        StringBuilder queries = new StringBuilder();
        StringBuilder statuses = new StringBuilder();
        synchronized (results) {
            SplittableRandom random = new SplittableRandom(System.nanoTime() ^ host);
            for (int p = 0; p < results.length; p++) {
                if (host >= SIGN_IN_HOSTS && change > 0 && random.nextDouble() < change) {
                    results[p] = !results[p];
                }
                String sep = p == 0 ? "" : ",";
                queries.append(sep).append('"').append(policyNames.get(p)).append("\":")
                        .append(results[p] ? "[{\"1\":\"1\"}]" : "[]");
                statuses.append(sep).append('"').append(policyNames.get(p)).append("\":0");
            }
        }
        String body = "{\"node_key\":\"" + nodeKeys.get(host) + "\",\"queries\":{" + queries
                + "},\"statuses\":{" + statuses + "},\"messages\":{}}";
        return post(WRITE_PATH, body).statusCode();
    }

    /** Sign-ins one at a time, signed beforehand so the client's signing is not in the latency. */
    private Load signIns(RedirectSignIn okta, List<String> serials, int count) {
        String[] queries = IntStream.range(0, count).parallel().mapToObj(i -> okta.query("agent-bench-" + i))
                .toArray(String[]::new);
        String endpoint = "http://127.0.0.1:" + server.httpPort() + BenchSupport.SSO_PATH + "?";
        return Load.drive(count, 1, i -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + queries[i]))
                    .header("X-Client-Cert-Serial", serials.get(i % serials.size()))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<String> r = send(request);
            // Allowed: an auto-posting form with the SAMLResponse; anything else is an error here.
            return r.statusCode() == 200 && r.body().contains("SAMLResponse") ? 200 : r.statusCode() == 200 ? 599 : r.statusCode();
        });
    }

    private Load run(int count, IntUnaryOperator request) {
        return Load.drive(count, threads, request);
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri().getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Duration serverCpu() {
        return serverJvm.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private long databaseBytes() {
        try (var files = Files.walk(server.dataDir().resolve("portcullis"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".db")).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String hardwareUuid(int host) {
        return UUID.nameUUIDFromBytes(("agent-bench:" + host).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().toUpperCase(Locale.ROOT);
    }
}
