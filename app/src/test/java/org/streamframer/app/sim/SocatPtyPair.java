package org.streamframer.app.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A socat virtual serial pair (two raw ptys, linked as {@code a} and {@code b} in a temp dir). */
final class SocatPtyPair implements AutoCloseable {

    private final Process process;
    private final Path dir;
    final Path a;
    final Path b;

    SocatPtyPair() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("sim-pty");
        a = dir.resolve("a");
        b = dir.resolve("b");
        try {
            process = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("socat is required for the serial tests (Debian package socat,"
                    + " installed by scripts/install-deps test): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = Files.readString(dir.resolve("socat.log"));
                close();
                throw new IOException("socat did not create the pty pair: " + log);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
