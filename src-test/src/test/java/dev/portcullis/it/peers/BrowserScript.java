package dev.portcullis.it.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real-browser scenario: runs {@code node --test <name>.spec.mjs} in {@code src/test/browser}, where
 * the spec drives Debian's chromium with playwright-core (see {@code lib/browser.mjs}). The spec gets
 * {@code BASE_URL}, {@code SCENARIO} (JSON the Java test prepared: tokens, ids, names) and
 * {@code SCREENSHOT_DIR} ({@code target/screenshots/<name>/}) in its environment.
 *
 * <p>System properties read (set by the pom): {@code portcullis.it.browser.dir},
 * {@code portcullis.it.screenshot.dir}, and {@code portcullis.it.node} (default {@code node}).
 */
public final class BrowserScript {

    /** The exit code of {@code node --test} (0: every test passed) and its combined output. */
    public record Result(int exitCode, String output) {
        public boolean passed() {
            return exitCode == 0;
        }
    }

    private BrowserScript() {
    }

    /** The folder holding the specs, {@code lib/} and {@code node_modules/}. */
    public static Path directory() {
        return Path.of(System.getProperty("portcullis.it.browser.dir", "src/test/browser")).toAbsolutePath().normalize();
    }

    /** Where the screenshots of spec {@code name} go. */
    public static Path screenshotDir(String name) {
        return Path.of(System.getProperty("portcullis.it.screenshot.dir", "target/screenshots"))
                .toAbsolutePath().normalize().resolve(specName(name));
    }

    /**
     * Runs spec {@code name} ({@code my-device} or {@code my-device.spec.mjs}) against the server at
     * {@code baseUrl} with the given scenario JSON; a run past {@code timeout} is killed (chromium
     * with it) and reported with exit code -1.
     */
    public static Result run(String name, String baseUrl, String scenarioJson, Duration timeout)
            throws IOException, InterruptedException {
        String spec = specName(name) + ".spec.mjs";
        Path dir = directory();
        if (!Files.isRegularFile(dir.resolve(spec))) {
            throw new IllegalArgumentException("no browser spec " + dir.resolve(spec));
        }
        if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            throw new IllegalStateException("playwright-core is not installed in " + dir
                    + ": the build runs 'npm ci' there before the integration tests");
        }
        Path screenshots = Files.createDirectories(screenshotDir(name));
        Path log = Files.createTempFile("browser-" + specName(name), ".log");
        List<String> command = new ArrayList<>(List.of(System.getProperty("portcullis.it.node", "node"),
                "--test", "--test-reporter=spec", spec));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BASE_URL", baseUrl);
        builder.environment().put("SCENARIO", scenarioJson);
        builder.environment().put("SCREENSHOT_DIR", screenshots.toString());
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        try {
            int exit;
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = process.exitValue();
            } else {
                stop(process);
                exit = -1;
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new Result(exit, exit == -1 ? output + "\n(" + spec + " did not finish in " + timeout + "; killed)" : output);
        } finally {
            if (process.isAlive()) {
                stop(process);
            }
            Files.deleteIfExists(log);
        }
    }

    private static String specName(String name) {
        return name.endsWith(".spec.mjs") ? name.substring(0, name.length() - ".spec.mjs".length()) : name;
    }

    /** The node test runner starts a child per file, which starts chromium: stop the whole tree. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }
}
