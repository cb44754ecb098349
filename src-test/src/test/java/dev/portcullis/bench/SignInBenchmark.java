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
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Sign-in throughput of the running server, as a ratio to raw RSA-2048 signatures per second
 * on the same machine in the same run. Not a test: {@code mvn -Pbench verify} runs it.
 *
 * <p>Setup goes through the real HTTP APIs: Okta connected with a certificate whose key we hold,
 * a team with conditional access and a few policies, hosts enrolled by the osquery agent API and
 * passing, one SCEP (jscep) certificate per host. Load: signed HTTP-Redirect sign-ins on
 * loopback with the proxy's serial header, as nginx in front of the server would send them.
 *
 * <p>System properties: {@code bench.hosts} (200), {@code bench.seconds} (20, at most 60),
 * {@code bench.warmup.seconds} (5), {@code bench.threads} (8), {@code bench.port.offset}
 * (first free from 300 in steps of 100).
 */
public final class SignInBenchmark {

        private static final int POLICIES = 4;
    private static final int GATING_POLICIES = 3;
    private static final int MAX_WARM_UP_REQUESTS = 100_000;

    private SignInBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = Integer.getInteger("bench.hosts", 200);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmUpSeconds = Integer.getInteger("bench.warmup.seconds", 5);
        int threads = Integer.getInteger("bench.threads", 8);
        int cores = Runtime.getRuntime().availableProcessors();
        // Requests are signed before the measured phase; they must still be inside the server's
        // default 120 s clock skew when sent.
        if (hosts < 1 || seconds < 1 || seconds > 60 || warmUpSeconds < 0 || threads < 1) {
            throw new IllegalArgumentException("need bench.hosts >= 1, 1 <= bench.seconds <= 60, bench.threads >= 1");
        }

        // The baseline first, while the server is not yet running.
        System.out.println("Measuring RSA-2048 SHA256withRSA signatures/s ...");
        double rsaOne = RsaBaseline.signaturesPerSecond(1);
        double rsaAll = RsaBaseline.signaturesPerSecond(cores);

        BenchSupport.choosePortOffset();
        PortcullisServer server = PortcullisServer.shared();
        System.out.println("Server started (log " + server.logFile() + "); setting up " + hosts + " hosts ...");
        Instant setupStart = Instant.now();
        KeyPair oktaKey = BenchSupport.rsaKeyPair();
        BenchSupport.connectOkta(server.admin(), oktaKey);
        List<String> serials = enrollHosts(server, hosts);
        System.out.printf("Set up in %d s%n", Duration.between(setupStart, Instant.now()).toSeconds());

        String ssoUrl = "https://okta.portcullis.test:" + server.httpsPort() + BenchSupport.SSO_PATH;
        RedirectSignIn okta = new RedirectSignIn(oktaKey.getPrivate(), BenchSupport.AUDIENCE, ssoUrl, "bench@example.com");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String endpoint = "http://127.0.0.1:" + server.httpPort() + BenchSupport.SSO_PATH + "?";
        checkOneSignIn(http, endpoint, okta, serials.get(0), server);

        // Warm-up signs each request as it goes; it warms the server's JIT and estimates the rate.
        System.out.println("Warming up for " + warmUpSeconds + " s ...");
        Load warmUp = drive(http, endpoint, serials, i -> okta.query("warm-" + i), MAX_WARM_UP_REQUESTS,
                warmUpSeconds, threads);

        // The measured phase sends requests signed beforehand, so the client's own RSA signing does
        // not compete with the server for the cores. The server cannot beat the RSA ceiling, so
        // that bounds the number to sign; the phase ends early (and says so) if they run out.
        int toSign = (int) Math.min(rsaAll * seconds, Math.max(1000, 3 * warmUp.perSecond() * seconds));
        System.out.println("Signing " + toSign + " AuthnRequests for the measured phase ...");
        String[] queries = IntStream.range(0, toSign).parallel().mapToObj(i -> okta.query("bench-" + i))
                .toArray(String[]::new);

        Optional<ProcessHandle> serverJvm = BenchSupport.serverJvm(server);
        Duration serverCpuBefore = serverJvm.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
        long clientCpuBefore = BenchSupport.clientCpuNanos();
        System.out.println("Measuring for " + seconds + " s with " + threads + " client threads ...");
        Load measured = drive(http, endpoint, serials, i -> queries[i], queries.length, seconds, threads);
        Duration serverCpu = serverJvm.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO)
                .minus(serverCpuBefore);
        double clientCpuSeconds = (BenchSupport.clientCpuNanos() - clientCpuBefore) / 1e9;

        double signInsPerSecond = measured.okPerSecond();
        System.out.println();
        System.out.println("==== Portcullis sign-in benchmark ====");
        System.out.printf("hosts: %d, each with a SCEP certificate; %d policies (%d gating), all passing%n",
                serials.size(), POLICIES, GATING_POLICIES);
        System.out.printf("cores: %d, client threads: %d, HTTP-Redirect binding, serial header over loopback%n",
                cores, threads);
        System.out.printf("RSA-2048 SHA256withRSA signatures/s: %.0f on 1 thread, %.0f on %d threads%n",
                rsaOne, rsaAll, cores);
        System.out.printf("sign-ins/s: %.1f (%d allowed in %.1f s%s)%n", signInsPerSecond, measured.ok(),
                measured.elapsedNanos() / 1e9, measured.completed() == queries.length ? ", ran out of signed requests" : "");
        System.out.printf("latency: p50 %.1f ms, p99 %.1f ms%n", measured.percentileMillis(50), measured.percentileMillis(99));
        System.out.printf("errors: %d%s (warm-up: %d%s)%n", measured.errors(), measured.errorDetail(),
                warmUp.errors(), warmUp.errorDetail());
        System.out.printf("ratio sign-ins/s / RSA signatures/s (all cores): %.3f%n", signInsPerSecond / rsaAll);
        System.out.printf("CPU in the measured phase: server %.1f s, benchmark client %.1f s (of %.1f s available)%n",
                serverCpu.toMillis() / 1e3, clientCpuSeconds, cores * measured.elapsedNanos() / 1e9);
        // CPU time per sign-in in units of one RSA signature: less sensitive to other load on the machine.
        double serverCpuMillisPerSignIn = serverCpu.toNanos() / 1e6 / Math.max(1, measured.ok());
        System.out.printf("server CPU per sign-in: %.2f ms = %.1f single-thread RSA signatures%n",
                serverCpuMillisPerSignIn, serverCpuMillisPerSignIn * rsaOne / 1000);
        System.out.println("server heap after the run: " + serverJvm.map(BenchSupport::heapInfo).orElse("n/a"));
        System.out.println("======================================");
        if (measured.errors() > 0) {
            System.err.println("Some sign-ins were not allowed; server log: " + server.logFile());
            System.exit(1);
        }
        // The shutdown hook of PortcullisServer stops the server.
        System.exit(0);
    }

    /**
     * A team with conditional access and a few policies, then per host: agent enrollment, passing
     * results, and a certificate over SCEP. Returns the certificates' serials in hex, as nginx sends them.
     */
    private static List<String> enrollHosts(PortcullisServer server, int hosts) throws Exception {
        Api admin = server.admin();
        String secret = "bench-" + UUID.randomUUID();
        long teamId = BenchSupport.ok(admin.post("/api/v1/fleet/teams", Json.createObjectBuilder()
                .add("name", "bench-" + UUID.randomUUID().toString().substring(0, 8))
                .add("secrets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("secret", secret)))
                .add("integrations", Json.createObjectBuilder().add("conditional_access_enabled", true))
                .build().toString())).getJsonObject("team").getJsonNumber("id").longValue();
        Map<String, Agent.Result> passing = new HashMap<>();
        for (int p = 0; p < POLICIES; p++) {
            JsonObject policy = BenchSupport.ok(admin.post("/api/v1/fleet/teams/" + teamId + "/policies", Json.createObjectBuilder()
                    .add("name", "bench policy " + p).add("query", "SELECT 1 FROM disk_encryption WHERE encrypted = 1;")
                    .add("description", "FileVault is on").add("resolution", "Turn on FileVault.")
                    .add("platform", "darwin").add("critical", p == 0).add("conditional_access_enabled", p < GATING_POLICIES)
                    .build().toString())).getJsonObject("policy");
            passing.put("fleet_policy_query_" + policy.getJsonNumber("id").longValue(), Agent.Result.PASS);
        }

        String scepUrl = server.baseUrl() + "/api/fleet/conditional_access/scep";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> serials = new ArrayList<>();
            for (int h = 0; h < hosts; h++) {
                String hostname = "bench-mac-" + h;
                serials.add(pool.submit(() -> {
                    String uuid = UUID.randomUUID().toString().toUpperCase();
                    Agent agent = new Agent(server, uuid, hostname);
                    BenchSupport.ok(agent.enroll(secret));
                    agent.read();
                    BenchSupport.ok(agent.write(passing));
                    ScepDevice device = new ScepDevice();
                    if (!device.enroll(scepUrl, device.csr(uuid, secret)).isSuccess()) {
                        throw new IllegalStateException("SCEP enrollment failed for " + hostname);
                    }
                    return device.issued().getSerialNumber().toString(16);
                }));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> serial : serials) {
                result.add(serial.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fails early, with the server's words, when the setup does not lead to an allowed sign-in. */
    private static void checkOneSignIn(HttpClient http, String endpoint, RedirectSignIn okta, String serial,
                                       PortcullisServer server) throws Exception {
        HttpResponse<String> response = http.send(request(endpoint, okta.query("check"), serial),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("SAMLResponse") || !response.body().contains(BenchSupport.ACS)) {
            throw new IllegalStateException("the first sign-in was not allowed: " + response.statusCode() + " "
                    + response.body() + "\n" + server.logTail(30));
        }
    }

    private static HttpRequest request(String endpoint, String query, String serial) {
        return HttpRequest.newBuilder(URI.create(endpoint + query)).header("X-Client-Cert-Serial", serial)
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    /** Sends request i = 0, 1, ... from several threads until the time or the requests run out. */
    private static Load drive(HttpClient http, String endpoint, List<String> serials, IntFunction<String> queries,
                              int maxRequests, int seconds, int threads) {
        return Load.drive(maxRequests, threads, seconds, i -> {
            HttpRequest request = request(endpoint, queries.apply(i), serials.get(i % serials.size()));
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        });
    }
}
