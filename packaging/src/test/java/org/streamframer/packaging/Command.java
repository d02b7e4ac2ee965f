package org.streamframer.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion, output (stdout and stderr) captured in a file. */
final class Command {
    /** What a finished command did. */
    record Result(List<String> command, int exitCode, String output) {
        /** Fails with the command and its whole output unless it exited with 0. */
        Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(command + " exited with " + exitCode + ", output:\n" + output);
            }
            return this;
        }
    }

    private Command() {
    }

    static Result run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        return run(timeout, Map.of(), command);
    }

    static Result run(Duration timeout, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("packaging-it-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                Launched.stop(process);
                throw new AssertionError(command + " did not finish within " + timeout
                        + ", output so far:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(command, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
