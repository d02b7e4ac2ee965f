package org.streamframer.framing.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.transport.TcpClientTransport;

/**
 * With {@link OverflowPolicy#BLOCK} and a full queue, a thread sending waits for room; a
 * listener that sends from the delivery thread meanwhile (an acknowledgement, a reply) must not
 * wait for that thread: the delivery thread is the one that makes room. The sender used to wait
 * for room while holding the send lock the listener needed: both waited forever.
 */
class SendWhileFullTest {

    private static final int CAPACITY = 8;

    @Test
    void aListenerSendsWhileAnotherThreadWaitsForRoom() throws Exception {
        try (LoopbackServer server = new LoopbackServer(s -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                sb.append("line ").append(i).append('\n');
            }
            s.getOutputStream().write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        })) {
            CountDownLatch inListener = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch acked = new CountDownLatch(1);
            AtomicReference<Throwable> listenerFailure = new AtomicReference<>();
            ReaderListener replier = new ReaderListener() {
                private boolean first = true;

                @Override
                public void onFrame(FrameEvent e) {
                    if (e.direction() != Direction.RX || !first) {
                        return;
                    }
                    first = false;
                    inListener.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                        reader[0].send("ack\n".getBytes(StandardCharsets.US_ASCII));
                        acked.countDown();
                    } catch (IOException | InterruptedException | RuntimeException x) {
                        listenerFailure.set(x);
                    }
                }
            };
            Recorder rec = new Recorder();
            try (ReaderService r = ReaderService.builder(
                            TcpClientTransport.factory("127.0.0.1", server.port(), Duration.ofSeconds(5)))
                    .rule(new DelimiterRule(new byte[] {'\n'}, true, 1024)).queueCapacity(CAPACITY)
                    .overflow(OverflowPolicy.BLOCK).listener(replier).listener(rec).name("send-full").start()) {
                reader[0] = r;
                assertTrue(inListener.await(5, TimeUnit.SECONDS), "the first frame reached the listener");
                // the reader fills the queue while delivery is held, then waits for room
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                int last = -1;
                while (System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    int now = r.queuedEvents();
                    if (now == last && now > 0) {
                        break;
                    }
                    last = now;
                }
                AtomicReference<Throwable> senderFailure = new AtomicReference<>();
                Thread sender = new Thread(() -> {
                    try {
                        r.send("query\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException | RuntimeException x) {
                        senderFailure.set(x);
                    }
                }, "send-full-sender");
                sender.setDaemon(true);
                sender.start();
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (sender.getState() != Thread.State.WAITING && sender.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5); // waiting for room
                }
                release.countDown();
                if (!acked.await(3, TimeUnit.SECONDS)) {
                    fail("the listener's send never went out: it waits for the sender, which waits for room only"
                            + " the delivery thread can make (sender " + sender.getState() + ")");
                }
                sender.join(3000);
                assertTrue(!sender.isAlive(), "the sender finished once there was room");
                assertEquals(null, senderFailure.get());
                assertEquals(null, listenerFailure.get());
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (rec.frames(Direction.RX).size() < 200 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(200, rec.frames(Direction.RX).size(), "no RX frame lost (BLOCK)");
                assertEquals(2, rec.frames(Direction.TX).size(), "both TX frames reported");
            }
        }
    }

    private final ReaderService[] reader = new ReaderService[1];
}
