package org.streamframer.framing.transport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A pair of connected ptys made by {@code socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B}:
 * bytes written to one end come out of the other, like a null-modem cable. Fails the test
 * clearly when socat is not installed (the test command installs it: {@code scripts/install-deps test}).
 */
public final class SocatPty implements AutoCloseable {
    private final Path dir;
    private final Path a;
    private final Path b;
    private final Process socat;
    private final Path log;

    public SocatPty() throws IOException, InterruptedException {
        if (!onPath("socat")) {
            fail("socat is not installed (Debian package socat; scripts/install-deps test installs it):"
                    + " the serial tests need it to make a pty pair");
        }
        dir = Files.createTempDirectory("streamframer-pty-");
        a = dir.resolve("A");
        b = dir.resolve("B");
        log = dir.resolve("socat.log");
        socat = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!socat.isAlive() || System.nanoTime() > end) {
                String out = Files.exists(log) ? Files.readString(log) : "";
                close();
                fail("socat did not create " + a + " and " + b + " (alive=" + socat.isAlive() + "): " + out);
            }
            Thread.sleep(10);
        }
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    /** One end (a symlink to /dev/pts/N). */
    public Path a() {
        return a;
    }

    /** The other end. */
    public Path b() {
        return b;
    }

    /** The real /dev/pts/N of end A. */
    public Path aDevice() throws IOException {
        return a.toRealPath();
    }

    public long pid() {
        return socat.pid();
    }

    /** Kills socat (both ptys vanish), waiting for it to exit. */
    public void kill() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (socat.isAlive()) {
            kill();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
