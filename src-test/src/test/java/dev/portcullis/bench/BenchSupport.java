package dev.portcullis.bench;

import dev.portcullis.it.Api;
import dev.portcullis.it.PortcullisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** What the benchmarks share: a free port offset, Okta's side, and the server JVM's CPU and heap. */
final class BenchSupport {

    static final String AUDIENCE = "https://www.okta.com/saml2/service-provider/spportcullisbench";
    static final String ACS = "https://portcullis-bench.okta.com/sso/saml2/0oaportcullisbench";
    static final String SSO_PATH = "/api/fleet/conditional_access/idp/sso";

    private BenchSupport() {
    }

    /** Okta's values and a certificate whose private key signs our AuthnRequests. */
    static void connectOkta(Api admin, KeyPair oktaKey) throws Exception {
        X500Name name = new X500Name("CN=okta-bench.example");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(30))), name, oktaKey.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(oktaKey.getPrivate())));
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        ok(admin.patch("/api/v1/fleet/config", Json.createObjectBuilder().add("conditional_access",
                Json.createObjectBuilder().add("okta_idp_id", "0oaportcullisbench")
                        .add("okta_assertion_consumer_service_url", ACS).add("okta_audience_uri", AUDIENCE)
                        .add("okta_certificate", pem)).build().toString()));
    }

    /** Other people's servers may hold the default offsets; take the first offset whose ports are free. */
    static void choosePortOffset() {
        String chosen = System.getProperty("bench.port.offset");
        if (chosen != null && !chosen.isBlank()) {
            System.setProperty("portcullis.it.port.offset", chosen);
            return;
        }
        for (int offset = 300; offset < 5000; offset += 100) {
            int o = offset;
            if (IntStream.of(8080, 8443, 8444, 9990, 9993, 4712, 4713).allMatch(port -> free(port + o))) {
                System.setProperty("portcullis.it.port.offset", String.valueOf(offset));
                return;
            }
        }
        throw new IllegalStateException("no free port offset found; set -Dbench.port.offset");
    }

    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The WildFly JVM, found by the data directory on its command line (standalone.sh runs it as a child). */
    static Optional<ProcessHandle> serverJvm(PortcullisServer server) {
        String marker = "-Djboss.server.data.dir=" + server.dataDir();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(marker)).orElse(false))
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst();
    }

    /** The heap line of {@code jcmd <pid> GC.heap_info}, or why not. */
    static String heapInfo(ProcessHandle jvm) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(jvm.pid()), "GC.heap_info").redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return output.lines().filter(l -> l.contains("heap") && l.contains("used"))
                    .map(l -> l.replaceFirst("\\s*\\[.*$", "").strip().replaceAll("\\s+", " "))
                    .findFirst().orElse("n/a (jcmd: " + output.strip() + ")");
        } catch (IOException e) {
            return "n/a (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "n/a";
        }
    }

    static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static JsonObject ok(Api.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("expected 200, got " + response);
        }
        return response.json();
    }
}
