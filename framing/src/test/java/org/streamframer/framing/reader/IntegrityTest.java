package org.streamframer.framing.reader;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.transport.TcpClientTransport;

/**
 * 256 MiB of random-length frames over loopback TCP: what the listeners get is exactly what was
 * sent (SHA-256 over the frames), no frame lost, duplicated or reordered (each frame carries its
 * number).
 */
class IntegrityTest {

    static final long TOTAL = 256L * 1024 * 1024;
    static final int MAX_PAYLOAD = 16 * 1024;

    @Test
    @Timeout(value = 100, unit = TimeUnit.SECONDS)
    void everyByteArrivesOnceAndInOrder() throws Exception {
        AtomicReference<byte[]> sentDigest = new AtomicReference<>();
        long[] sentFrames = {0};
        CountDownLatch sentAll = new CountDownLatch(1);
        try (LoopbackServer server = new LoopbackServer(s -> {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            OutputStream out = s.getOutputStream();
            SplittableRandom rnd = new SplittableRandom(20261201L);
            byte[] chunk = new byte[64 * 1024 + MAX_PAYLOAD + 16];
            byte[] hex = new byte[8];
            int at = 0;
            long sent = 0;
            long frame = 0;
            while (sent < TOTAL) {
                // lengths: mostly short lines, some long ones
                int len = rnd.nextInt(4) == 0 ? rnd.nextInt(MAX_PAYLOAD) : rnd.nextInt(200);
                len = (int) Math.min(len, Math.max(0, TOTAL - sent - 10));
                int start = at;
                writeHex(frame, hex);
                System.arraycopy(hex, 0, chunk, at, 8);
                at += 8;
                chunk[at++] = ':';
                for (int i = 0; i < len; i += 8) {
                    long r = rnd.nextLong();
                    for (int k = 0; k < 8 && i + k < len; k++) {
                        byte b = (byte) (r >>> (k * 8));
                        chunk[at++] = b == '\n' ? (byte) 0x0b : b;
                    }
                }
                md.update(chunk, start, at - start);
                chunk[at++] = '\n';
                sent += at - start;
                frame++;
                if (at >= 64 * 1024) {
                    out.write(chunk, 0, at);
                    at = 0;
                }
            }
            out.write(chunk, 0, at);
            out.flush();
            sentFrames[0] = frame;
            sentDigest.set(md.digest());
            sentAll.countDown();
            Thread.sleep(60_000); // stay connected until the test is done
        })) {
            MessageDigest got = MessageDigest.getInstance("SHA-256");
            long[] frames = {0};
            long[] bytes = {0};
            String[] problem = {null};
            CountDownLatch received = new CountDownLatch(1);
            ReaderListener check = new ReaderListener() {
                @Override
                public void onFrame(FrameEvent e) {
                    byte[] b = e.bytes();
                    if (problem[0] == null && (b.length < 9 || readHex(b) != frames[0] || b[8] != ':')) {
                        problem[0] = "frame " + frames[0] + " (sequence " + e.sequence() + ") starts with "
                                + HexFormat.of().formatHex(b, 0, Math.min(12, b.length));
                    }
                    if (problem[0] == null && e.sequence() != frames[0] + 1) {
                        problem[0] = "frame " + frames[0] + " has sequence " + e.sequence();
                    }
                    got.update(b);
                    frames[0]++;
                    bytes[0] += b.length + 1;
                    if (bytes[0] >= TOTAL) {
                        received.countDown();
                    }
                }

                @Override
                public void onError(ErrorEvent e) {
                    if (problem[0] == null) {
                        problem[0] = "error: " + e.error();
                    }
                }
            };
            Recorder states = new Recorder();
            ReaderService r = ReaderService.builder(
                            TcpClientTransport.factory("127.0.0.1", server.port(), Duration.ofSeconds(5)))
                    .rule(new DelimiterRule(new byte[] {'\n'}, true, MAX_PAYLOAD + 64))
                    .listener(check).listener(states).queueCapacity(1024).name("t-integrity").start();
            try {
                states.awaitState(ConnectionState.CONNECTED, 1, Duration.ofSeconds(10));
                long t0 = System.nanoTime();
                assertTrue(received.await(90, TimeUnit.SECONDS), "received only " + bytes[0] + " of " + TOTAL
                        + " bytes; " + r.stats());
                long ns = System.nanoTime() - t0;
                assertTrue(sentAll.await(10, TimeUnit.SECONDS));
                assertNull(problem[0], problem[0]);
                assertEquals(TOTAL, bytes[0]);
                assertEquals(sentFrames[0], frames[0], "frames");
                assertEquals(HexFormat.of().formatHex(sentDigest.get()), HexFormat.of().formatHex(got.digest()));
                ReaderStats st = r.stats();
                assertEquals(TOTAL, st.bytesIn());
                assertEquals(sentFrames[0], st.framesIn());
                assertEquals(0, st.dropped());
                assertEquals(0, st.errors());
                System.out.printf("integrity: %d MiB in %d frames over loopback TCP in %.2f s = %.1f MiB/s%n",
                        TOTAL >> 20, frames[0], ns / 1e9, (TOTAL / 1048576.0) / (ns / 1e9));
            } finally {
                r.close();
            }
        }
    }

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static void writeHex(long v, byte[] out) {
        for (int i = 7; i >= 0; i--) {
            out[i] = DIGITS[(int) (v & 0xf)];
            v >>>= 4;
        }
    }

    static long readHex(byte[] b) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
