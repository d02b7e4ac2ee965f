package org.streamframer.app.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;

/** Writing never blocks or throws into the caller; a bad target is one clear error. */
class BackgroundFrameWriterTest {

    @TempDir
    Path dir;

    private static FrameEvent rx(long seq, String text) {
        return new FrameEvent(seq, Direction.RX, Instant.now(), System.nanoTime(), text.getBytes(), 0, null);
    }

    @Test
    void unwritablePathIsOneClearErrorAndOnFrameNeverThrows() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        Path target = notADir.resolve("session.jsonl");
        List<LogWriteException> errors = new CopyOnWriteArrayList<>();
        JsonlFrameWriter w = JsonlFrameWriter.start(target, errors::add);
        assertTrue(w.awaitStopped(Duration.ofSeconds(10)), "the writer ends by itself");
        for (int i = 0; i < 100; i++) {
            w.onFrame(rx(i, "after the error"));
        }
        w.close();
        assertEquals(1, errors.size(), "reported once");
        String msg = errors.get(0).getMessage();
        assertTrue(msg.startsWith("session log " + target + ": could not open after 0 frames: "), msg);
        assertTrue(msg.endsWith("logging stopped, the connection goes on"), msg);
        assertEquals(100, w.dropped());
        assertEquals(0, w.written());
        assertNotNull(w.error());
    }

    @Test
    void fullDiskIsOneClearError() throws Exception {
        Path full = Path.of("/dev/full");
        assertTrue(Files.exists(full), "/dev/full is needed to simulate a full disk (Linux)");
        List<LogWriteException> errors = new CopyOnWriteArrayList<>();
        JsonlFrameWriter w = new JsonlFrameWriter(LogTarget.file(full, true), 1024, errors::add);
        w.start();
        for (int i = 0; i < 50; i++) {
            w.onFrame(rx(i, "frame " + i));
        }
        assertTrue(w.awaitStopped(Duration.ofSeconds(10)) || waitStop(w));
        for (int i = 0; i < 10; i++) {
            w.onFrame(rx(i, "later"));
        }
        assertEquals(1, errors.size(), errors.toString());
        String msg = errors.get(0).getMessage();
        assertTrue(msg.contains("No space left on device"), msg);
        assertTrue(msg.startsWith("session log /dev/full: could not "), msg);
        assertEquals(60, w.written() + w.dropped(), "every frame is written or counted as dropped");
    }

    private static boolean waitStop(BackgroundFrameWriter w) throws InterruptedException {
        w.stop(); // /dev/full fails at the first flush, which happens when the queue runs empty
        return w.awaitStopped(Duration.ofSeconds(10));
    }

    @Test
    void aStalledDiskNeverBlocksTheCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException("interrupted", e);
                }
                sink.write(b, off, len);
            }
        };
        RawFrameWriter w = new RawFrameWriter(LogTarget.stream(stalled, "stalled"), Direction.RX, 4, e -> { });
        w.start();
        w.onFrame(rx(0, "a"));
        assertTrue(writing.await(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        for (int i = 1; i <= 1000; i++) {
            w.onFrame(rx(i, "b"));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 2000, "1000 onFrame calls against a stalled disk took " + ms + " ms");
        assertTrue(w.dropped() >= 1000 - 4, "dropped " + w.dropped());
        release.countDown();
        w.close();
        assertEquals(1001, w.written() + w.dropped());
        assertTrue(sink.size() >= 1, "the first frame was written");
    }

    @Test
    void aLosslessWriterWaitsForASlowDiskAndDropsNothing() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                try {
                    Thread.sleep(1); // a disk slower than the producer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sink.write(b, off, len);
            }
        };
        // a queue of 4 and a buffer of 1 byte per write: without waiting, most frames would drop
        RawFrameWriter w = new RawFrameWriter(LogTarget.stream(slow, "slow"), Direction.RX, 4, e -> { });
        w.lossless().start();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String text = "frame " + i + "\n";
            expected.append(text);
            w.onFrame(rx(i, text));
        }
        w.close();
        assertEquals(0, w.dropped(), "a lossless writer drops nothing while the log can be written (written " + w.written() + ", error " + w.error() + ", running " + w.isRunning() + ")");
        assertEquals(300, w.written());
        synchronized (slow) {
            assertEquals(expected.toString(), sink.toString());
        }
    }

    @Test
    void aLosslessWriterStopsWaitingWhenTheLogEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException("interrupted", e);
                }
                throw new IOException("disk gone");
            }
        };
        RawFrameWriter w = new RawFrameWriter(LogTarget.stream(stalled, "stalled"), Direction.RX, 2, e -> { });
        w.lossless().start();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                w.onFrame(rx(i, "x"));
            }
        }, "lossless-producer");
        producer.start();
        producer.join(300);
        assertTrue(producer.isAlive(), "the producer waits while the disk is stalled");
        release.countDown(); // the write fails: the log ends, the producer must not wait forever
        producer.join(10_000);
        assertTrue(!producer.isAlive(), "the producer returned once the log had failed");
        w.close();
        assertEquals(50, w.written() + w.dropped(), "every frame written or counted as dropped");
        assertNotNull(w.error());
    }

    @Test
    void rawWriterKeepsOnlyOneDirectionBackToBack() throws Exception {
        Path file = dir.resolve("rx.bin");
        try (RawFrameWriter w = RawFrameWriter.start(file, e -> { })) {
            w.onFrame(rx(1, "AB"));
            w.onFrame(new FrameEvent(2, Direction.TX, Instant.now(), 0, "tx".getBytes(), 0, null));
            w.onFrame(rx(3, "\u0000C\n"));
        }
        assertArrayEquals("AB\u0000C\n".getBytes(), Files.readAllBytes(file));
    }

    @Test
    void stopWritesWhatIsQueuedThenFramesAreDropped() throws Exception {
        Path file = dir.resolve("s.jsonl");
        JsonlFrameWriter w = JsonlFrameWriter.start(file, e -> { });
        for (int i = 0; i < 500; i++) {
            w.onFrame(rx(i, "line " + i));
        }
        w.stop();
        w.onFrame(rx(999, "too late"));
        assertTrue(w.awaitStopped(Duration.ofSeconds(10)));
        assertEquals(500, w.written());
        assertEquals(1, w.dropped());
        assertEquals(500, Files.readAllLines(file).size());
    }
}
