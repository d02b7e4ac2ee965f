package org.streamframer.framing.reader;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.transport.TcpClientTransport;

/** A listener slower than the line: the queue stays bounded, by blocking or by dropping and counting. */
class OverflowTest {

    static final int FRAMES = 5000;
    static final int CAPACITY = 16;
    static final Duration WAIT = Duration.ofSeconds(20);

    /** Sends FRAMES numbered lines at once. */
    private static LoopbackServer flood() throws Exception {
        return new LoopbackServer(s -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < FRAMES; i++) {
                sb.append("frame ").append(i).append('\n');
            }
            s.getOutputStream().write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            Thread.sleep(60_000);
        });
    }

    /** Blocks the delivery thread on the first frame until released. */
    private static final class Stuck implements ReaderListener {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch blocked = new CountDownLatch(1);

        @Override
        public void onFrame(FrameEvent e) {
            blocked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ReaderService start(LoopbackServer server, OverflowPolicy p, ReaderListener... ls) {
        ReaderService.Builder b = ReaderService.builder(
                        TcpClientTransport.factory("127.0.0.1", server.port(), Duration.ofSeconds(5)))
                .rule(new DelimiterRule(new byte[] {'\n'}, true, 1024)).queueCapacity(CAPACITY).overflow(p);
        for (ReaderListener l : ls) {
            b.listener(l);
        }
        return b.start();
    }

    @Test
    void dropPolicyCountsWhatItDropsAndStaysBounded() throws Exception {
        try (LoopbackServer server = flood()) {
            Stuck stuck = new Stuck();
            Recorder rec = new Recorder();
            try (ReaderService r = start(server, OverflowPolicy.DROP, stuck, rec)) {
                assertTrue(stuck.blocked.await(10, TimeUnit.SECONDS));
                long end = System.nanoTime() + WAIT.toNanos();
                while (r.stats().framesIn() < FRAMES && System.nanoTime() < end) {
                    assertTrue(r.queuedEvents() <= CAPACITY, "queue grew to " + r.queuedEvents());
                    Thread.sleep(5);
                }
                ReaderStats st = r.stats();
                assertEquals(FRAMES, st.framesIn(), "the reader kept reading while the listener was stuck");
                assertTrue(r.queuedEvents() <= CAPACITY, "queue " + r.queuedEvents());
                assertTrue(st.dropped() >= FRAMES - CAPACITY - 1, "dropped " + st.dropped());
                stuck.release.countDown();
                rec.await("the queue drained", WAIT, x -> r.queuedEvents() == 0
                        && x.frames(Direction.RX).size() + r.stats().dropped() == FRAMES);
                List<FrameEvent> got = rec.frames(Direction.RX);
                long last = 0;
                for (FrameEvent e : got) { // in order; the gaps are the dropped frames
                    assertTrue(e.sequence() > last);
                    assertEquals("frame " + (e.sequence() - 1), new String(e.bytes(), StandardCharsets.ISO_8859_1));
                    last = e.sequence();
                }
                assertEquals(FRAMES, got.size() + r.stats().dropped());
                System.out.printf("overflow DROP: %d frames, %d delivered, %d dropped, queue capacity %d%n",
                        FRAMES, got.size(), r.stats().dropped(), CAPACITY);
            }
        }
    }

    @Test
    void blockPolicyHoldsTheReaderAndLosesNothing() throws Exception {
        try (LoopbackServer server = flood()) {
            Stuck stuck = new Stuck();
            Recorder rec = new Recorder();
            try (ReaderService r = start(server, OverflowPolicy.BLOCK, stuck, rec)) {
                assertTrue(stuck.blocked.await(10, TimeUnit.SECONDS));
                Thread.sleep(300);
                ReaderStats held = r.stats();
                assertTrue(r.queuedEvents() <= CAPACITY, "queue " + r.queuedEvents());
                // the first frame is with the listener, CAPACITY wait, one is being queued
                assertTrue(held.framesIn() <= CAPACITY + 2, "framed " + held.framesIn() + " while blocked");
                assertEquals(0, held.dropped());
                stuck.release.countDown();
                rec.awaitRx(FRAMES, WAIT);
                List<String> got = rec.rxTexts();
                for (int i = 0; i < FRAMES; i++) {
                    assertEquals("frame " + i, got.get(i));
                }
                assertEquals(0, r.stats().dropped());
            }
        }
    }
}
