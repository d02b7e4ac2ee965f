package org.streamframer.framing.reader;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.PartialFrameException;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.transport.FullBacklog;
import org.streamframer.framing.transport.TcpClientTransport;
import org.streamframer.framing.transport.TcpListenTransport;
import org.streamframer.framing.transport.TransportFactory;

/** The reader over real loopback TCP connections to servers started by each test. */
class ReaderServiceTcpTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    static FrameRule lf() {
        return new DelimiterRule(new byte[] {'\n'}, true, 1 << 20);
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static TransportFactory tcp(LoopbackServer s) {
        return TcpClientTransport.factory("127.0.0.1", s.port(), Duration.ofSeconds(5));
    }

    @Test
    void framesArriveInOrderWhileSendsAreInterleaved() throws Exception {
        int n = 2000;
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        CountDownLatch serverGotAll = new CountDownLatch(1);
        try (LoopbackServer server = new LoopbackServer(s -> {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        synchronized (received) {
                            received.write(buf, 0, r);
                            if (received.size() >= expectedTx(n)) {
                                serverGotAll.countDown();
                            }
                        }
                    }
                } catch (Exception e) {
                    // the connection closed
                }
            }, "test-server-rx");
            reader.start();
            Random rnd = new Random(1);
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < n; i++) {
                all.append("rx ").append(i).append('\n');
            }
            byte[] bytes = b(all.toString());
            for (int i = 0; i < bytes.length; ) { // odd chunks, so frames split across reads
                int len = Math.min(bytes.length - i, 1 + rnd.nextInt(700));
                out.write(bytes, i, len);
                out.flush();
                i += len;
            }
            serverGotAll.await(20, TimeUnit.SECONDS);
            reader.join(100);
        })) {
            Recorder rec = new Recorder();
            try (ReaderService r = ReaderService.builder(tcp(server)).rule(lf()).listener(rec).name("t-order").start()) {
                rec.awaitState(ConnectionState.CONNECTED, 1, WAIT);
                for (int i = 0; i < n / 4; i++) {
                    r.send(b("tx " + i + "\n"));
                }
                rec.awaitRx(n, WAIT);
                // the RX flood may all be queued before the TX frames: wait for those too
                rec.await(n / 4 + " TX frames", WAIT, x -> x.frames(Direction.TX).size() >= n / 4);
                assertTrue(serverGotAll.await(10, TimeUnit.SECONDS), "server got " + received.size() + " bytes");

                List<String> rx = rec.rxTexts();
                for (int i = 0; i < n; i++) {
                    assertEquals("rx " + i, rx.get(i));
                }
                List<FrameEvent> tx = rec.frames(Direction.TX);
                assertEquals(n / 4, tx.size());
                StringBuilder sent = new StringBuilder();
                for (int i = 0; i < n / 4; i++) {
                    assertEquals("tx " + i + "\n", new String(tx.get(i).bytes(), StandardCharsets.ISO_8859_1));
                    sent.append("tx ").append(i).append('\n');
                }
                synchronized (received) {
                    assertEquals(sent.toString(), received.toString(StandardCharsets.ISO_8859_1));
                }
                long last = 0;
                for (Object e : rec.events()) { // RX and TX numbered together, in delivery order
                    if (e instanceof FrameEvent f) {
                        assertTrue(f.sequence() > last, "sequence " + f.sequence() + " after " + last);
                        last = f.sequence();
                    }
                }
                assertEquals(n + n / 4, last);
                ReaderStats st = r.stats();
                assertEquals(n, st.framesIn());
                assertEquals(n / 4, st.framesOut());
                assertEquals(sent.length(), st.bytesOut());
                assertEquals(expectedRx(n), st.bytesIn());
                assertEquals(0, st.errors());
                assertEquals(1, rec.threads().size(), "listeners called on one thread: " + rec.threads());
                assertEquals("t-order-delivery", rec.threads().get(0).getName());
                assertTrue(r.describe().startsWith("tcp 127.0.0.1:" + server.port()), r.describe());
            }
        }
    }

    private static int expectedRx(int n) {
        int len = 0;
        for (int i = 0; i < n; i++) {
            len += ("rx " + i + "\n").length();
        }
        return len;
    }

    private static int expectedTx(int n) {
        int len = 0;
        for (int i = 0; i < n / 4; i++) {
            len += ("tx " + i + "\n").length();
        }
        return len;
    }

    @Test
    void peerClosingMidFrameReportsThePartialFrame() throws Exception {
        try (LoopbackServer server = new LoopbackServer(s -> {
            s.getOutputStream().write(b("one\ntwo\npart"));
            s.getOutputStream().flush();
        })) {
            Recorder rec = new Recorder();
            try (ReaderService r = ReaderService.builder(tcp(server)).rule(lf()).listener(rec).start()) {
                rec.awaitState(ConnectionState.DISCONNECTED, 1, WAIT);
                assertEquals(List.of("one", "two"), rec.rxTexts());
                List<ErrorEvent> errors = rec.errors();
                assertEquals(1, errors.size(), rec.summary());
                PartialFrameException p = assertInstanceOf(PartialFrameException.class, errors.get(0).error());
                assertEquals("part", new String(p.partialBytes(), StandardCharsets.ISO_8859_1));
                StateEvent last = rec.states().get(rec.states().size() - 1);
                assertEquals(ConnectionState.DISCONNECTED, last.state());
                assertTrue(last.detail().contains("end of stream"), last.detail());
                assertEquals(ConnectionState.DISCONNECTED, r.state());
            }
        }
    }

    @Test
    void partialFrameIsNeverGluedOntoTheNextConnectionsFirstFrame() throws Exception {
        List<String> scripts = List.of("first\npar", "tial\nsecond\n");
        java.util.concurrent.atomic.AtomicInteger conns = new java.util.concurrent.atomic.AtomicInteger();
        try (LoopbackServer server = new LoopbackServer(s -> {
            int i = Math.min(1, conns.getAndIncrement());
            s.getOutputStream().write(b(scripts.get(i)));
            s.getOutputStream().flush();
        })) {
            Recorder rec = new Recorder();
            ReconnectPolicy again = ReconnectPolicy.backoff(Duration.ofMillis(10), Duration.ofMillis(50));
            try (ReaderService r = ReaderService.builder(tcp(server)).rule(lf()).listener(rec).reconnect(again).start()) {
                rec.awaitRx(3, WAIT);
                assertEquals(List.of("first", "tial", "second"), rec.rxTexts().subList(0, 3));
                PartialFrameException p = assertInstanceOf(PartialFrameException.class, rec.errors().get(0).error());
                assertEquals("par", new String(p.partialBytes(), StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void peerResettingTheConnectionIsReportedAndNothingCrashes() throws Exception {
        CountDownLatch sent = new CountDownLatch(1);
        try (LoopbackServer server = new LoopbackServer(s -> {
            s.getOutputStream().write(b("hello\n"));
            s.getOutputStream().flush();
            sent.await(10, TimeUnit.SECONDS);
            s.setSoLinger(true, 0); // close() now sends RST
        })) {
            Recorder rec = new Recorder();
            try (ReaderService r = ReaderService.builder(tcp(server)).rule(lf()).listener(rec).start()) {
                rec.awaitRx(1, WAIT);
                sent.countDown();
                rec.awaitState(ConnectionState.DISCONNECTED, 1, WAIT);
                assertEquals(List.of("hello"), rec.rxTexts());
                StateEvent d = rec.states().get(rec.states().size() - 1);
                // a reset is an error (reported first) and a disconnect; a clean close would say "end of stream"
                assertFalse(rec.errors().isEmpty(), rec.summary());
                String msg = rec.errors().get(0).error().getMessage();
                assertTrue(msg.contains("tcp 127.0.0.1:" + server.port()) && msg.toLowerCase().contains("reset"), msg);
                assertTrue(d.detail().toLowerCase().contains("reset"), d.detail());
                assertThrows(java.io.IOException.class, () -> r.send(b("x\n")), "send after disconnect");
            }
        }
    }

    @Test
    void serverNotListeningFailsWithTheAddressAndReason() throws Exception {
        int port = LoopbackServer.unusedPort();
        Recorder rec = new Recorder();
        TransportFactory f = TcpClientTransport.factory("127.0.0.1", port, Duration.ofSeconds(2));
        try (ReaderService r = ReaderService.builder(f).rule(lf()).listener(rec).start()) {
            rec.awaitState(ConnectionState.FAILED, 1, WAIT);
            StateEvent failed = rec.states().get(rec.states().size() - 1);
            assertEquals(ConnectionState.FAILED, failed.state());
            assertTrue(failed.detail().contains("127.0.0.1:" + port) && failed.detail().contains("refused"), failed.detail());
            assertInstanceOf(java.net.ConnectException.class, rec.errors().get(0).error());
            assertEquals(ConnectionState.FAILED, r.state());
        }
    }

    @Test
    void reconnectAttemptsBackOffAndAreEachReported() throws Exception {
        int port = LoopbackServer.unusedPort();
        Recorder rec = new Recorder();
        TransportFactory f = TcpClientTransport.factory("127.0.0.1", port, Duration.ofSeconds(2));
        ReconnectPolicy p = ReconnectPolicy.backoff(Duration.ofMillis(10), Duration.ofMillis(80));
        long t0 = System.nanoTime();
        ReaderService r = ReaderService.builder(f).rule(lf()).listener(rec).reconnect(p).name("t-backoff").start();
        rec.awaitState(ConnectionState.FAILED, 5, WAIT);
        long elapsed = System.nanoTime() - t0;
        long c0 = System.nanoTime();
        r.close();
        long closeMs = (System.nanoTime() - c0) / 1_000_000;
        assertTrue(closeMs < 1000, "close took " + closeMs + " ms");
        List<StateEvent> states = rec.states();
        assertEquals(ConnectionState.CONNECTING, states.get(0).state());
        assertTrue(states.get(2).detail().contains("attempt 2"), states.get(2).detail());
        assertTrue(states.get(4).detail().contains("attempt 3"), states.get(4).detail());
        // delays 10 + 20 + 40 + 80 ms at least before the fifth failure: it really backs off
        assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(150), "5 attempts in " + elapsed / 1_000_000 + " ms");
        assertEquals(Duration.ofMillis(10), p.delayAfter(0));
        assertEquals(Duration.ofMillis(40), p.delayAfter(2));
        assertEquals(Duration.ofMillis(80), p.delayAfter(30));
        assertFalse(threadAlive("t-backoff-reader"), "reader thread joined");
        assertFalse(threadAlive("t-backoff-delivery"), "delivery thread joined");
    }

    static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void listenModeAcceptsOnePeerAfterAnother() throws Exception {
        TcpListenTransport.Listener listen = TcpListenTransport.factory(null);
        InetSocketAddress at = listen.localAddress();
        assertEquals("127.0.0.1", at.getAddress().getHostAddress(), "binds loopback by default");
        Recorder rec = new Recorder();
        ReconnectPolicy next = ReconnectPolicy.backoff(Duration.ZERO, Duration.ZERO);
        try (ReaderService r = ReaderService.builder(listen).rule(lf()).listener(rec).reconnect(next).name("t-listen").start()) {
            int[] clientPorts = new int[2];
            for (int i = 0; i < 2; i++) {
                try (Socket c = new Socket(at.getAddress(), at.getPort())) {
                    clientPorts[i] = c.getLocalPort();
                    rec.awaitState(ConnectionState.CONNECTED, i + 1, WAIT);
                    c.getOutputStream().write(b("peer " + i + "\nrest"));
                    rec.awaitRx(i + 1, WAIT);
                }
                rec.awaitState(ConnectionState.DISCONNECTED, i + 1, WAIT);
            }
            assertEquals(List.of("peer 0", "peer 1"), rec.rxTexts());
            List<String> connected = new ArrayList<>();
            for (StateEvent s : rec.states()) {
                if (s.state() == ConnectionState.CONNECTED) {
                    connected.add(s.detail());
                }
            }
            assertEquals(2, connected.size(), rec.summary());
            for (int i = 0; i < 2; i++) {
                assertEquals("listen 127.0.0.1:" + at.getPort() + " <- 127.0.0.1:" + clientPorts[i], connected.get(i));
            }
            assertEquals(2, rec.errors().size(), "each peer left a partial 'rest': " + rec.summary());
        }
        assertTrue(listen.isClosed(), "the service closes its listener");
        assertThrows(java.io.IOException.class, () -> new Socket(at.getAddress(), at.getPort()).close());
    }

    @Test
    void changingTheRuleReframesTheBufferedBytes() throws Exception {
        CountDownLatch more = new CountDownLatch(1);
        try (LoopbackServer server = new LoopbackServer(s -> {
            s.getOutputStream().write(b("line\nA;B;C"));
            s.getOutputStream().flush();
            more.await(10, TimeUnit.SECONDS);
            s.getOutputStream().write(b(";D\n"));
            s.getOutputStream().flush();
            Thread.sleep(5000);
        })) {
            Recorder rec = new Recorder();
            try (ReaderService r = ReaderService.builder(tcp(server)).rule(lf()).listener(rec).start()) {
                rec.awaitRx(1, WAIT);
                Thread.sleep(100); // "A;B;C" buffered under the LF rule, no frame
                assertEquals(List.of("line"), rec.rxTexts());
                FrameRule semi = new DelimiterRule(b(";"), true, 1024);
                r.setRule(semi);
                assertSame(semi, r.rule());
                rec.awaitRx(3, WAIT); // framed from the buffer, without a new byte arriving
                assertEquals(List.of("line", "A", "B"), rec.rxTexts());
                more.countDown();
                rec.awaitRx(4, WAIT);
                assertEquals(List.of("line", "A", "B", "C"), rec.rxTexts());
            }
        }
    }

    @Test
    void aListenerThatThrowsIsReportedAndEveryoneKeepsReceiving() throws Exception {
        try (LoopbackServer server = new LoopbackServer(s -> {
            s.getOutputStream().write(b("a\nb\nc\n"));
            s.getOutputStream().flush();
            Thread.sleep(5000);
        })) {
            List<String> seenByBad = new ArrayList<>();
            ReaderListener bad = new ReaderListener() {
                @Override
                public void onFrame(FrameEvent e) {
                    synchronized (seenByBad) {
                        seenByBad.add(new String(e.bytes(), StandardCharsets.ISO_8859_1));
                    }
                    throw new IllegalStateException("boom on " + e.sequence());
                }
            };
            Recorder rec = new Recorder();
            try (ReaderService r = ReaderService.builder(tcp(server)).rule(lf()).listener(bad).listener(rec).start()) {
                rec.awaitRx(3, WAIT);
                rec.await("3 listener errors", WAIT, x -> x.errors().size() >= 3);
                assertEquals(List.of("a", "b", "c"), rec.rxTexts());
                synchronized (seenByBad) {
                    assertEquals(List.of("a", "b", "c"), seenByBad);
                }
                ListenerException le = assertInstanceOf(ListenerException.class, rec.errors().get(0).error());
                assertTrue(le.getMessage().contains("onFrame") && le.getMessage().contains("boom on"), le.getMessage());
                assertEquals(3, r.stats().errors());
                assertEquals(ConnectionState.CONNECTED, r.state());
            }
        }
    }

    @Test
    void closeStopsAndJoinsWithinASecond() throws Exception {
        try (LoopbackServer server = new LoopbackServer(s -> Thread.sleep(10_000))) {
            Recorder rec = new Recorder();
            ReaderService r = ReaderService.builder(tcp(server)).rule(lf()).listener(rec).name("t-close").start();
            rec.awaitState(ConnectionState.CONNECTED, 1, WAIT);
            assertTrue(threadAlive("t-close-reader") && threadAlive("t-close-delivery"));
            long t0 = System.nanoTime();
            r.close();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 1000, "close took " + ms + " ms");
            assertFalse(threadAlive("t-close-reader"));
            assertFalse(threadAlive("t-close-delivery"));
            StateEvent last = rec.states().get(rec.states().size() - 1);
            assertEquals(ConnectionState.DISCONNECTED, last.state());
            assertThrows(java.io.IOException.class, () -> r.send(b("late\n")));
            r.close(); // idempotent
        }
    }

    @Test
    void closeDuringAConnectAttemptDoesNotWaitForTheConnectTimeout() throws Exception {
        try (FullBacklog full = new FullBacklog()) { // connects to it hang
            Recorder rec = new Recorder();
            TransportFactory f = TcpClientTransport.factory("127.0.0.1", full.port(), Duration.ofSeconds(30));
            ReaderService r = ReaderService.builder(f).rule(lf()).listener(rec).name("t-connecting").start();
            rec.awaitState(ConnectionState.CONNECTING, 1, WAIT);
            Thread.sleep(300);
            assertEquals(ConnectionState.CONNECTING, r.state(), rec.summary());
            long t0 = System.nanoTime();
            r.close();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 1000, "close took " + ms + " ms");
            assertFalse(threadAlive("t-connecting-reader"));
            assertEquals(0, rec.states().stream().filter(e -> e.state() == ConnectionState.CONNECTED).count());
        }
    }

    /** Frames end at LF; the frame's type is its first byte and its meta a label, as a rule with kinds of frame gives them. */
    private static final class TypedLines implements FrameRule {
        @Override
        public void scan(org.streamframer.framing.FrameBuffer buf, int from, org.streamframer.framing.ScanResult out) {
            byte[] a = buf.array();
            for (int i = from; i < buf.end(); i++) {
                if (a[i] == '\n') {
                    int type = i > buf.start() ? a[buf.start()] : 0;
                    out.frame(buf.start(), i, i + 1, type, "kind " + (char) type);
                    return;
                }
            }
            out.needMore(buf.end());
        }

        @Override
        public int maxFrameLength() {
            return 1024;
        }
    }

    @Test
    void theRulesFrameTypeAndMetaReachTheListener() throws Exception {
        try (LoopbackServer server = new LoopbackServer(s -> {
            s.getOutputStream().write(b("Aone\nBtwo\n"));
            s.getOutputStream().flush();
            Thread.sleep(5000);
        })) {
            Recorder rec = new Recorder();
            try (ReaderService r = ReaderService.builder(tcp(server)).rule(new TypedLines()).listener(rec).start()) {
                rec.awaitRx(2, WAIT);
                List<FrameEvent> f = rec.frames(Direction.RX);
                assertEquals('A', f.get(0).type());
                assertEquals("kind A", f.get(0).meta());
                assertEquals('B', f.get(1).type());
                assertEquals("kind B", f.get(1).meta());
                assertEquals("Btwo", new String(f.get(1).bytes(), StandardCharsets.ISO_8859_1));
                assertTrue(f.get(0).time() != null && f.get(1).monotonicNanos() >= f.get(0).monotonicNanos());
            }
        }
    }
}
