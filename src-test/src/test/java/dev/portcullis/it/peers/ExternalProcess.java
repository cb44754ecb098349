package dev.portcullis.it.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a peer program (openssl, caddy, nginx, python) with its output in a log file. */
public final class ExternalProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ExternalProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ExternalProcess start(List<String> command, Path log, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ExternalProcess(builder.start(), log);
    }

    /** Runs to completion and returns stdout; fails with the output when the exit code is not 0. */
    public static String run(List<String> command, Path workDir, Duration timeout) throws IOException, InterruptedException {
        Result r = runForResult(command, workDir, timeout);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    public record Result(int exitCode, String output) {
    }

    public static Result runForResult(List<String> command, Path workDir, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("peer", ".out");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        return new Result(p.exitValue(), output);
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
