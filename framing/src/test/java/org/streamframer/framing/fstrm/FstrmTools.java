package org.streamframer.framing.fstrm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Frame Streams tools of Debian's {@code fstrm-bin} ({@code fstrm_capture},
 * {@code fstrm_replay}, {@code fstrm_dump}), run as child processes. A missing tool fails the
 * test with a clear message (CI installs the package). Every process started is destroyed by
 * {@link #destroyAll()}, which the tests call in {@code @AfterEach}.
 */
final class FstrmTools {
    private final List<Process> started = new ArrayList<>();

    /** The tool's path on PATH, or a failed test saying how to install it. */
    static String find(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return fail(tool + " is not on PATH: install the Debian package fstrm-bin"
                + " (scripts/install-deps test does)");
    }

    /** Starts {@code tool args...}, stdout and stderr to {@code log}. */
    Process start(Path log, String tool, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(find(tool));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        return p;
    }

    /** Runs {@code tool args...} to completion (at most 30 s) and returns its exit code. */
    int run(Path log, String tool, String... args) throws IOException, InterruptedException {
        Process p = start(log, tool, args);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            fail(tool + " did not finish within 30 s; output: " + Files.readString(log));
        }
        return p.exitValue();
    }

    /** A TCP port that was free a moment ago (bound to 0 and released). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Kills every process this instance started that is still running, and waits for each. */
    void destroyAll() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
        started.clear();
    }
}
