package dev.portcullis.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The provisioned WildFly with the Portcullis EAR, started once for the whole test run as a child
 * process: its own copy of {@code standalone/} (configuration and deployments), a fresh data
 * directory kept across {@link #restart()}, and a port offset so it never meets a developer's
 * server: the first of 100, 200, ... whose ports are free (100: http 8180, https 8543, management
 * 10090), or exactly {@code -Dportcullis.it.port.offset=N}. Should another server take the ports
 * (before a start or between the check and the bind), the next free offset is used; clients made
 * by {@link #api()} and {@link #admin()} follow it.
 *
 * <p>Use it through {@link Extension}: {@code @ExtendWith(PortcullisServer.Extension.class)} and a
 * {@code PortcullisServer} parameter, or {@link #shared()} directly.
 *
 * <p>System properties read: {@code portcullis.it.server.home} (the provisioned server, set by the
 * pom), {@code portcullis.it.work.dir}, {@code portcullis.it.port.offset}; any other
 * {@code portcullis.*} property of the test JVM is passed on to the server.
 */
public final class PortcullisServer {

    public static final String ADMIN_EMAIL = "admin@portcullis.test";
    public static final String ADMIN_PASSWORD = "Correct-horse-battery-9";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final long LOG_LIMIT_BYTES = 512L * 1024 * 1024;

    private static PortcullisServer shared;

    private final Path home;
    private final Path runDir;
    private final Path baseDir;
    private final Path dataDir;
    private final boolean offsetFixed;
    private int portOffset;
    private final Map<String, String> serverProperties = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path logFile;
    private int starts;
    private Api.Response firstSetup;
    private String adminToken;

    private PortcullisServer(Path home, Path workDir, Integer portOffset) {
        this.home = home;
        this.offsetFixed = portOffset != null;
        this.portOffset = portOffset != null ? portOffset : freeOffsetFrom(100);
        this.runDir = workDir.resolve("run-" + Instant.now().toEpochMilli());
        this.baseDir = runDir.resolve("standalone");
        this.dataDir = runDir.resolve("data");
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("portcullis.") && !k.startsWith("portcullis.it."))
                .forEach(k -> serverProperties.put(k, System.getProperty(k)));
    }

    /** The server for this test run, started on first use and stopped when the JVM exits. */
    public static synchronized PortcullisServer shared() {
        if (shared == null) {
            Path home = Path.of(System.getProperty("portcullis.it.server.home", "../ear/target/server")).toAbsolutePath().normalize();
            Path work = Path.of(System.getProperty("portcullis.it.work.dir", "target/it")).toAbsolutePath().normalize();
            String fixed = System.getProperty("portcullis.it.port.offset", "");
            Integer offset = fixed.isBlank() ? null : Integer.valueOf(fixed.strip());
            PortcullisServer server = new PortcullisServer(home, work, offset);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "portcullis-server-stop"));
            server.start();
            shared = server;
        }
        return shared;
    }

    /**
     * A server of its own on an empty data directory (no administrator yet), with the given server
     * properties, for tests that need a first run or settings the shared server must not have.
     * The caller stops it.
     */
    public static PortcullisServer startNew(Map<String, String> properties) {
        Path home = Path.of(System.getProperty("portcullis.it.server.home", "../ear/target/server")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("portcullis.it.work.dir", "target/it")).toAbsolutePath().normalize()
                .resolve("own-" + java.util.UUID.randomUUID());
        PortcullisServer server = new PortcullisServer(home, work, null);
        server.serverProperties.putAll(properties);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "portcullis-own-server-stop"));
        server.start();
        return server;
    }

    public int httpPort() { return 8080 + portOffset; }
    public int httpsPort() { return 8443 + portOffset; }
    public int managementPort() { return 9990 + portOffset; }
    public Path dataDir() { return dataDir; }
    public Path logFile() { return logFile; }

    /** The plain-HTTP base URL, e.g. http://localhost:8180. */
    public String baseUrl() {
        return "http://localhost:" + httpPort();
    }

    /** A client without credentials. */
    public Api api() {
        return new Api(this::baseUrl, null);
    }

    /**
     * A client holding the administrator's token. The first call performs the one-time setup
     * (whose response {@link #firstSetup()} keeps), later calls reuse the token.
     */
    public synchronized Api admin() {
        if (adminToken == null) {
            Api.Response setup = api().post("/api/v1/setup", """
                    {"admin": {"email": "%s", "name": "Ada Admin", "password": "%s", "password_confirmation": "%s"},
                     "org_info": {"org_name": "Portcullis Test"}, "server_url": "https://portcullis.test:%d"}
                    """.formatted(ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD, httpsPort()));
            if (setup.status() != 200) {
                throw new IllegalStateException("setup failed: " + setup);
            }
            firstSetup = setup;
            adminToken = setup.json().getString("token");
        }
        return new Api(this::baseUrl, adminToken);
    }

    /** The response to the setup {@link #admin()} performed. */
    public synchronized Api.Response firstSetup() {
        admin();
        return firstSetup;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            prepareBaseDir();
            for (int attempt = 1; ; attempt++) {
                requireFreePorts();
                launch();
                try {
                    awaitReady();
                    System.out.println("Portcullis server up at " + baseUrl() + " (log " + logFile + ")");
                    return;
                } catch (PortsTaken e) {
                    stop();
                    if (offsetFixed || attempt >= 5) {
                        fail("ports of offset " + portOffset + " are taken by another process");
                    }
                    portOffset = freeOffsetFrom(portOffset + 100);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() throws IOException {
        starts++;
        logFile = runDir.resolve("server-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.server.data.dir=" + dataDir,
                "-Djboss.server.log.dir=" + runDir.resolve("log"),
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Dportcullis.server.url=https://portcullis.test:" + httpsPort()));
        serverProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        pb.environment().remove("JAVA_OPTS");
        process = pb.start();
    }

    /** Stops the server and every process it started: gently, then by force. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(30);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    /** A system property for the server's next start (see {@link #restart()}); null removes it. */
    public synchronized void setServerProperty(String key, String value) {
        if (value == null) {
            serverProperties.remove(key);
        } else {
            serverProperties.put(key, value);
        }
    }

    /** Stops and starts the server on the same data directory. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** The last 80 lines of the current server log. */
    public String logTail() {
        return logTail(80);
    }

    public String logTail(int lines) {
        if (logFile == null || !Files.exists(logFile)) {
            return "(no server log)";
        }
        try (RandomAccessFile f = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = f.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            f.seek(from);
            f.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n");
            int first = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, first, all.length));
        } catch (IOException e) {
            return "(server log unreadable: " + e + ")";
        }
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/fleet/config"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("the server exited with status " + process.exitValue());
            }
            if (Files.size(logFile) > LOG_LIMIT_BYTES) {
                stop();
                fail("the server log grew past " + LOG_LIMIT_BYTES + " bytes");
            }
            String log = logTail(400);
            if (log.contains("Address already in use")) {
                throw new PortsTaken();
            }
            if (log.contains("WFLYSRV0026") || log.contains("WFLYCTL0186") || log.contains("WFLYSRV0021")) {
                stop();
                fail("the deployment failed");
            }
            // Only our own server's clean start counts: another one may answer on these ports.
            boolean started = log.contains("WFLYSRV0025");
            try {
                int status = started ? http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() : 0;
                // 401: the application answers (the config needs a token); 404 means not deployed yet.
                if (status == 401 || status == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        stop();
        fail("the server did not answer within " + START_TIMEOUT.toSeconds() + " s");
    }

    private void fail(String why) {
        String tail = logTail(120);
        System.err.println("Portcullis server: " + why + "; log " + logFile + ":\n" + tail);
        throw new IllegalStateException("Portcullis server: " + why + " (log: " + logFile + ")\n" + tail);
    }

    /** A private copy of standalone/ so the provisioned server stays untouched; kept across restarts. */
    private void prepareBaseDir() throws IOException {
        if (Files.isDirectory(baseDir)) {
            return;
        }
        Path source = home.resolve("standalone");
        if (!Files.isDirectory(source.resolve("deployments"))) {
            throw new IllegalStateException("no provisioned server at " + home + ": run mvn package first");
        }
        Files.createDirectories(dataDir);
        for (String dir : List.of("configuration", "deployments", "lib")) {
            if (Files.isDirectory(source.resolve(dir))) {
                copyTree(source.resolve(dir), baseDir.resolve(dir));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Another process holds the ports we were about to use. */
    private static final class PortsTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortsTaken() {
            super(null, null, false, false);
        }
    }

    private static int freeOffsetFrom(int first) {
        for (int offset = first; offset <= 5000; offset += 100) {
            if (free(8080 + offset) && free(8443 + offset) && free(8444 + offset) && free(9990 + offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset between " + first + " and 5000");
    }

    private void requireFreePorts() {
        // Clients ask for baseUrl() on every request, so the offset may move, even on a restart.
        if (!offsetFixed) {
            portOffset = freeOffsetFrom(portOffset);
            return;
        }
        for (int port : new int[] {httpPort(), httpsPort(), managementPort()}) {
            Instant deadline = Instant.now().plusSeconds(20);
            while (!free(port)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("port " + port + " is in use; is another server running with "
                            + "port offset " + portOffset + "? Set -Dportcullis.it.port.offset to another value.");
                }
                sleep(500);
            }
        }
    }

    private static boolean free(int port) {
        // Reuse-address as WildFly binds: connections in TIME_WAIT after a restart do not block it.
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the shared server before a test class and hands it to test methods as a parameter. */
    public static final class Extension implements BeforeAllCallback, ParameterResolver {

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(PortcullisServer.class, k -> new Stopper(shared()), Stopper.class);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == PortcullisServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return shared();
        }
    }

    /** Stops the server when JUnit closes the root context, at the end of the run. */
    private record Stopper(PortcullisServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.stop();
        }
    }
}
