package org.streamframer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.framing.fstrm.FstrmFileReader;

/**
 * {@code fstrm-capture} and {@code fstrm-replay} against {@code fstrm_replay} and
 * {@code fstrm_capture} from Debian's fstrm-bin, with the Knot DNS dnstap fixture.
 */
class CliFstrmTest {

    static final String TYPE = "protobuf:dnstap.Dnstap";

    @TempDir
    Path tmp;

    /** {@code shared/fixtures/<name>}, found by walking up from the working directory. */
    static Path fixture(String name) {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("shared").resolve("fixtures").resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new AssertionError("fixture shared/fixtures/" + name + " not found above " + System.getProperty("user.dir"));
    }

    static List<byte[]> frames(Path file) throws IOException {
        try (FstrmFileReader r = FstrmFileReader.open(file)) {
            assertEquals(TYPE, r.contentType(), file.toString());
            return r.readAll();
        }
    }

    static void assertSameFrames(List<byte[]> want, List<byte[]> got) {
        assertEquals(want.size(), got.size(), "data frames");
        for (int i = 0; i < want.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(want.get(i), got.get(i), "frame " + i);
        }
    }

    static Process tool(Path log, String... command) throws IOException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: install the Debian package fstrm-bin"
                    + " (scripts/install-deps test): " + e.getMessage(), e);
        }
    }

    @Test
    void captureReceivesWhatFstrmReplaySends() throws Exception {
        Path fixture = fixture("knot-dnstap-small.fstrm");
        Path out = tmp.resolve("captured.fstrm");
        int port = CliTest.freePort();
        CliRun.Running run = CliRun.start("fstrm-capture", "--listen", "127.0.0.1:" + port, "--type", TYPE,
                "--out", out.toString());
        run.await("listening on 127.0.0.1:" + port);
        Path log = tmp.resolve("fstrm_replay.log");
        Process replay = tool(log, "fstrm_replay", "-t", TYPE, "-r", fixture.toString(), "-a", "127.0.0.1", "-p",
                Integer.toString(port));
        assertTrue(replay.waitFor(30, TimeUnit.SECONDS), "fstrm_replay did not finish");
        assertEquals(0, replay.exitValue(), Files.readString(log));
        CliRun.Result r = run.join();
        assertEquals(0, r.exit(), r.toString());
        List<byte[]> want = frames(fixture);
        assertEquals(82, want.size(), "the fixture's data frames");
        assertSameFrames(want, frames(out));
        assertTrue(r.out().startsWith("captured 82 frames ("), r.out());
    }

    @Test
    void captureStopsAtCount() throws Exception {
        Path fixture = fixture("knot-dnstap-small.fstrm");
        Path out = tmp.resolve("ten.fstrm");
        int port = CliTest.freePort();
        CliRun.Running run = CliRun.start("fstrm-capture", "--listen", "127.0.0.1:" + port, "--type", TYPE,
                "--count", "10", "--out", out.toString());
        run.await("listening on");
        CliRun.Result replay = CliRun.run("fstrm-replay", "--tcp", "127.0.0.1:" + port, "--type", TYPE, fixture.toString());
        CliRun.Result r = run.join();
        assertEquals(0, r.exit(), r.toString());
        assertSameFrames(frames(fixture).subList(0, 10), frames(out));
        assertTrue(r.out().contains("stopped at --count 10"), r.out());
        assertEquals(Cli.EXIT_FAILED, replay.exit(), "the receiver hung up mid-stream: " + replay);
        assertEquals(1, replay.err().lines().count(), replay.err());
    }

    @Test
    void replaySendsWhatFstrmCaptureWrites() throws Exception {
        Path fixture = fixture("knot-dnstap-small.fstrm");
        Path out = tmp.resolve("by-fstrm_capture.fstrm");
        int port = CliTest.freePort();
        Path captureLog = tmp.resolve("fstrm_capture.log");
        Process capture = tool(captureLog, "fstrm_capture", "-t", TYPE, "-a", "127.0.0.1", "-p", Integer.toString(port),
                "-w", out.toString());
        try {
            CliRun.Result r = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            // fstrm_capture binds a moment after it starts: retry while the connection is refused
            while (System.nanoTime() < deadline) {
                r = CliRun.run("fstrm-replay", "--resource", "TCPIP::127.0.0.1::" + port + "::SOCKET", "--type", TYPE,
                        fixture.toString());
                if (r.exit() == 0 || !r.err().toLowerCase().contains("refused")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().startsWith("sent 82 frames ("), r.out());
        } finally {
            capture.destroy(); // SIGTERM: fstrm_capture writes STOP and closes the file
            assertTrue(capture.waitFor(10, TimeUnit.SECONDS), "fstrm_capture did not stop");
        }
        String log = Files.readString(captureLog);
        assertTrue(log.contains("wrote 84 frames"), "fstrm_capture: " + log);
        assertSameFrames(frames(fixture), frames(out));
        assertEquals(Files.size(fixture), Files.size(out), "byte-identical file size");
    }

    @Test
    void replayRefusesAFileOfAnotherContentType() throws Exception {
        CliRun.Result r = CliRun.run("fstrm-replay", "--tcp", "127.0.0.1:" + CliTest.freePort(), "--type", "other:type",
                fixture("knot-dnstap-small.fstrm").toString());
        assertEquals(Cli.EXIT_FAILED, r.exit(), r.toString());
        assertTrue(r.err().contains("\"protobuf:dnstap.Dnstap\", not \"other:type\""), r.err());
    }

    @Test
    void replayOfAMissingFileIsOneLine() {
        CliRun.Result r = CliRun.run("fstrm-replay", "--tcp", "127.0.0.1:9", "--type", TYPE, tmp.resolve("none.fstrm").toString());
        assertEquals(Cli.EXIT_FAILED, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("none.fstrm"), r.err());
    }

    @Test
    void replayRefusedIsOneLine() throws Exception {
        int port = CliTest.freePort();
        CliRun.Result r = CliRun.run("fstrm-replay", "--tcp", "127.0.0.1:" + port, "--type", TYPE,
                fixture("knot-dnstap-small.fstrm").toString());
        assertEquals(Cli.EXIT_FAILED, r.exit(), r.toString());
        assertEquals("streamframer fstrm-replay: cannot connect to 127.0.0.1:" + port + ": Connection refused\n", r.err());
    }
}
