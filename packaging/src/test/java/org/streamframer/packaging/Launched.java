package org.streamframer.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running process started by a test (the simulator, Xvfb, the GUI), with its output
 * (stdout and stderr) in a log file that the test can wait on. {@link #close()} stops it and
 * everything it started.
 */
final class Launched implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    private final List<String> command;
    private final Process process;
    private final Path log;

    private Launched(List<String> command, Process process, Path log) {
        this.command = command;
        this.process = process;
        this.log = log;
    }

    static Launched start(Map<String, String> env, List<String> command) throws IOException {
        Path log = Files.createTempFile("packaging-it-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        return new Launched(command, builder.start(), log);
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until a line of the output matches {@code pattern} and returns the match.
     * Fails (with the output so far) when the process ends first or the time is up.
     */
    Matcher awaitOutput(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError(command + " exited with " + process.exitValue()
                        + " before printing /" + pattern + "/, output:\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(command + " did not print /" + pattern + "/ within "
                        + timeout + ", output so far:\n" + output());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            stop(process);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Stops a process and its descendants: SIGTERM, then SIGKILL after 10 s. */
    static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
