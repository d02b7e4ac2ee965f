package org.streamframer.framing.fstrm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our codec and handshakes against the real Frame Streams tools of Debian's fstrm-bin:
 * fstrm_replay sends to our receiver, our sender sends to fstrm_capture, fstrm_dump reads
 * what we write.
 */
class FstrmInteropTest {
    private static final String TYPE = Fixtures.DNSTAP_TYPE;

    @TempDir
    Path tmp;
    private final FstrmTools tools = new FstrmTools();
    private ExecutorService peer;

    @BeforeEach
    void setUp() {
        peer = Executors.newSingleThreadExecutor(r -> new Thread(r, "fstrm-interop-receiver"));
    }

    @AfterEach
    void tearDown() throws Exception {
        tools.destroyAll();
        peer.shutdownNow();
        assertTrue(peer.awaitTermination(10, TimeUnit.SECONDS), "receiver thread did not end");
    }

    private static List<byte[]> knotFrames() throws IOException {
        try (FstrmFileReader r = FstrmFileReader.open(Fixtures.path(Fixtures.KNOT_DNSTAP))) {
            return r.readAll();
        }
    }

    private static void assertFramesEqual(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size(), "frame count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "frame " + i);
        }
    }

    /** Data frames fstrm_dump lists in {@code file}, after checking it exits 0. */
    private long dumpDataFrames(Path file) throws Exception {
        Path log = tmp.resolve("dump-" + file.getFileName() + ".log");
        int exit = tools.run(log, "fstrm_dump", file.toString());
        String out = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(0, exit, "fstrm_dump exit code; output:\n" + out);
        assertTrue(out.startsWith("FSTRM_CONTROL_START."), out);
        assertTrue(out.stripTrailing().endsWith("FSTRM_CONTROL_STOP."), "no STOP at the end:\n" + out);
        return out.lines().filter(l -> l.startsWith("Data frame (")).count();
    }

    @Test
    void fstrmReplaySendsEveryFrameToOurReceiver() throws Exception {
        List<byte[]> got = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<FstrmResult> result = peer.submit(() -> {
                try (Socket s = server.accept()) {
                    return FstrmReceiver.accept(s, Set.of(TYPE), p -> {
                        byte[] b = new byte[p.remaining()];
                        p.get(b);
                        return got.add(b);
                    });
                }
            });
            Path log = tmp.resolve("replay.log");
            int exit = tools.run(log, "fstrm_replay", "-t", TYPE, "-r", Fixtures.path(Fixtures.KNOT_DNSTAP).toString(),
                    "-a", "127.0.0.1", "-p", Integer.toString(server.getLocalPort()));
            assertEquals(0, exit, "fstrm_replay exit code; output:\n" + Files.readString(log));
            FstrmResult r = result.get(30, TimeUnit.SECONDS);
            assertTrue(r.stopped(), "STOP seen, FINISH answered");
            assertEquals(TYPE, r.contentType());
            assertEquals(Fixtures.KNOT_DNSTAP_FRAMES, r.dataFrames());
        }
        assertFramesEqual(knotFrames(), got);
    }

    @Test
    void captureRecipeOfTheReadmeWritesWhatFstrmReplaySentByteIdentical() throws Exception {
        Path out = tmp.resolve("recipe.fstrm");
        String type = TYPE;
        long count = -1;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<FstrmResult> result = peer.submit(() -> {
                // README-fstrm.md, fstrm-capture, as written there
                try (Socket peer = server.accept();
                     FstrmFileWriter file = FstrmFileWriter.create(out, type)) {
                    return FstrmReceiver.accept(peer, Set.of(type), payload -> {
                        file.write(payload);
                        return file.framesWritten() != count;
                    });
                }
            });
            Path log = tmp.resolve("replay-recipe.log");
            int exit = tools.run(log, "fstrm_replay", "-t", TYPE, "-r", Fixtures.path(Fixtures.KNOT_DNSTAP).toString(),
                    "-a", "127.0.0.1", "-p", Integer.toString(server.getLocalPort()));
            assertEquals(0, exit, "fstrm_replay exit code; output:\n" + Files.readString(log));
            assertEquals(new FstrmResult(TYPE, 82, result.get(30, TimeUnit.SECONDS).dataBytes(), true),
                    result.get(30, TimeUnit.SECONDS));
        }
        assertArrayEquals(Files.readAllBytes(Fixtures.path(Fixtures.KNOT_DNSTAP)), Files.readAllBytes(out));
    }

    @Test
    void fstrmReplayWithAnotherContentTypeIsRefusedClearlyOnBothSides() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<FstrmResult> result = peer.submit(() -> {
                try (Socket s = server.accept()) {
                    return FstrmReceiver.accept(s, Set.of(TYPE), p -> true);
                }
            });
            Path log = tmp.resolve("replay-mismatch.log");
            int exit = tools.run(log, "fstrm_replay", "-t", "other:type", "-r",
                    Fixtures.path(Fixtures.KNOT_DNSTAP).toString(),
                    "-a", "127.0.0.1", "-p", Integer.toString(server.getLocalPort()));
            assertNotEquals(0, exit, "fstrm_replay should fail; output:\n" + Files.readString(log));
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> result.get(30, TimeUnit.SECONDS));
            assertInstanceOf(FstrmContentTypeException.class, e.getCause());
            assertEquals("content type mismatch: the sender offers [\"other:type\"], we accept [\"" + TYPE + "\"]",
                    e.getCause().getMessage());
        }
    }

    @Test
    void ourSenderReplaysToFstrmCaptureAndItsFileIsByteIdentical() throws Exception {
        Path out = tmp.resolve("captured.fstrm");
        Process capture = null;
        Socket socket = null;
        for (int attempt = 1; socket == null; attempt++) {
            int port = FstrmTools.freePort();
            capture = tools.start(tmp.resolve("capture-" + attempt + ".log"), "fstrm_capture",
                    "-t", TYPE, "-a", "127.0.0.1", "-p", Integer.toString(port), "-w", out.toString());
            socket = connectWhileAlive(capture, port);
            if (socket == null) {
                capture.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                assertTrue(attempt < 3, "fstrm_capture did not listen in 3 attempts; last output:\n"
                        + Files.readString(tmp.resolve("capture-" + attempt + ".log")));
            }
        }
        long sent;
        try (Socket s = socket; FstrmFileReader file = FstrmFileReader.open(Fixtures.path(Fixtures.KNOT_DNSTAP))) {
            sent = FstrmSender.replay(s, file); // returns once fstrm_capture answered FINISH
        }
        assertEquals(Fixtures.KNOT_DNSTAP_FRAMES, sent);
        capture.destroy(); // SIGTERM: fstrm_capture writes STOP and closes the file
        assertTrue(capture.waitFor(20, TimeUnit.SECONDS), "fstrm_capture did not stop on SIGTERM");
        assertArrayEquals(Files.readAllBytes(Fixtures.path(Fixtures.KNOT_DNSTAP)), Files.readAllBytes(out),
                "fstrm_capture's file differs from the file we replayed");
        assertEquals(Fixtures.KNOT_DNSTAP_FRAMES, dumpDataFrames(out));
    }

    /** Connects to fstrm_capture once it listens; null if it exited first (port taken) or 10 s passed. */
    private static Socket connectWhileAlive(Process p, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (p.isAlive() && System.nanoTime() < deadline) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return s;
            } catch (ConnectException e) {
                closeQuietly(s, e);
                Thread.sleep(50);
            } catch (IOException e) {
                closeQuietly(s, e);
                throw new AssertionError("connecting to fstrm_capture on port " + port, e);
            }
        }
        return null;
    }

    private static void closeQuietly(Socket s, Exception cause) {
        try {
            s.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    @Test
    void fstrmDumpReadsAFileWeWrite() throws Exception {
        Path file = tmp.resolve("ours.fstrm");
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            byte[] p = new byte[i * 37];
            for (int j = 0; j < p.length; j++) {
                p[j] = (byte) (j % 5 == 0 ? 0 : i * j);
            }
            payloads.add(p);
        }
        try (FstrmFileWriter w = FstrmFileWriter.create(file, "test:streamframer")) {
            for (byte[] p : payloads) {
                w.write(p);
            }
        }
        assertEquals(payloads.size(), dumpDataFrames(file));
        String dump = Files.readString(tmp.resolve("dump-ours.fstrm.log"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(dump.contains("\"test:streamframer\""), dump);
        assertTrue(dump.contains("Data frame (37) bytes.") && dump.contains("Data frame (1480) bytes."), dump);
        // and our reader gives the payloads back
        try (FstrmFileReader r = new FstrmFileReader(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            assertEquals("test:streamframer", r.contentType());
            assertFramesEqual(payloads, r.readAll());
        }
    }

    @Test
    void fstrmDumpAgreesWithOurReaderOnTheFixture() throws Exception {
        assertEquals(knotFrames().size(), dumpDataFrames(Fixtures.path(Fixtures.KNOT_DNSTAP)));
    }
}
