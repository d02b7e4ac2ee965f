package org.streamframer.framing.scpi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.streamframer.framing.reader.ConnectionState;
import org.streamframer.framing.reader.FrameEvent;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.reader.LoopbackServer;
import org.streamframer.framing.reader.ReaderService;
import org.streamframer.framing.reader.Recorder;
import org.streamframer.framing.rules.ScpiResponseRule;
import org.streamframer.framing.transport.TcpClientTransport;
import org.streamframer.framing.transport.TransportFactory;

/** The SCPI session against a small in-test instrument over loopback TCP. */
class InstrumentSessionTest {

    static final Duration T = Duration.ofSeconds(5);
    private ScpiTestServer instrument;

    @BeforeEach
    void start() throws Exception {
        instrument = new ScpiTestServer(new byte[] {'\n'});
    }

    @AfterEach
    void stop() throws Exception {
        instrument.close();
    }

    private TransportFactory tcp(ScpiTestServer s) {
        return TcpClientTransport.factory("127.0.0.1", s.port(), Duration.ofSeconds(5));
    }

    @Test
    void queryReturnsTheResponseAndWriteAppendsTheTerminator() throws Exception {
        try (InstrumentSession s = InstrumentSession.open(tcp(instrument), Terminator.LF)) {
            s.write("CONF:VOLT:DC 10");
            Response r = s.query("ECHO? hello world", T);
            assertEquals("hello world", r.text());
            assertEquals("ECHO? hello world", r.command());
            assertFalse(r.hasBlock());
            assertTrue(r.roundTrip().compareTo(Duration.ZERO) > 0 && r.roundTrip().compareTo(T) < 0, r.roundTrip().toString());
            assertEquals("CONF:VOLT:DC 10\nECHO? hello world\n", instrument.received());
            assertTrue(s.reader().rule() instanceof ScpiResponseRule);
        }
    }

    @Test
    void crlfTerminatorIsSentAndUnderstood() throws Exception {
        try (ScpiTestServer crlf = new ScpiTestServer(new byte[] {'\r', '\n'});
             InstrumentSession s = InstrumentSession.open(tcp(crlf), Terminator.CRLF)) {
            assertEquals("abc", s.query("ECHO? abc", T).text());
            assertEquals("ECHO? abc\r\n", crlf.received());
            assertArrayEquals(new byte[] {'\r', '\n'}, Terminator.CRLF.bytes());
            assertArrayEquals(new byte[0], Terminator.NONE.bytes());
        }
    }

    @Test
    void identifyParsesIdn() throws Exception {
        try (InstrumentSession s = InstrumentSession.open(tcp(instrument), Terminator.LF)) {
            assertEquals(new Identity("ACME Instruments", "Model 7", "SN123", "1.2.3-4"), s.identify(T));
        }
    }

    @Test
    void errorsDrainsTheQueueUntilNoError() throws Exception {
        instrument.errors.add("-113,\"Undefined header\"");
        instrument.errors.add("-222,\"Data out of range\"");
        try (InstrumentSession s = InstrumentSession.open(tcp(instrument), Terminator.LF)) {
            assertEquals(List.of(new InstrumentError(-113, "Undefined header"), new InstrumentError(-222, "Data out of range")),
                    s.errors(T));
            assertEquals(List.of(), s.errors(T));
            instrument.errorsNeverEnd = true;
            IOException e = assertThrows(IOException.class, () -> s.errors(T));
            assertTrue(e.getMessage().contains("still not empty after 100 SYST:ERR? reads")
                    && e.getMessage().contains("Queue overflow"), e.getMessage());
        }
    }

    @Test
    void timeoutWithNothingArrivedSaysSo() throws Exception {
        try (InstrumentSession s = InstrumentSession.open(tcp(instrument), Terminator.LF)) {
            QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
                    () -> s.query("SILENT?", Duration.ofMillis(300)));
            assertEquals("no response to \"SILENT?\" within 300 ms on tcp 127.0.0.1:" + instrument.port()
                    + ": no bytes arrived since the query", e.getMessage());
            assertEquals(0, e.bytesArrived());
            assertEquals(0, e.lastBytes().length);
            assertEquals("still here", s.query("ECHO? still here", T).text(), "the session goes on");
        }
    }

    @Test
    void timeoutShowsTheBytesThatDidArriveSoAWrongTerminatorIsEasyToSpot() throws Exception {
        try (InstrumentSession s = InstrumentSession.open(tcp(instrument), Terminator.LF)) {
            s.query("ECHO? earlier bytes", T); // not counted: they came before the query
            QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
                    () -> s.query("CRONLY?", Duration.ofMillis(400)));
            assertEquals(7, e.bytesArrived());
            assertEquals("ANSWER\r", new String(e.lastBytes(), StandardCharsets.ISO_8859_1));
            assertEquals("no response to \"CRONLY?\" within 400 ms on tcp 127.0.0.1:" + instrument.port()
                    + ": 7 bytes arrived since the query but no complete frame; last 7 bytes:"
                    + " 41 4e 53 57 45 52 0d (\"ANSWER\\r\") -- check the terminator and the framing rule", e.getMessage());
        }
    }

    @Test
    void blockResponsesExposeTheirData() throws Exception {
        try (InstrumentSession s = InstrumentSession.open(tcp(instrument), Terminator.LF)) {
            Response r = s.query("CURV?", T);
            assertTrue(r.hasBlock());
            assertEquals(1, r.blocks().size());
            assertEquals("ab\ncd", new String(r.blockData(0), StandardCharsets.ISO_8859_1), "the LF inside the block is data");
            assertEquals("#15ab\ncd", r.text());
        }
    }

    @Test
    void unsolicitedFramesAreNotTakenAsTheAnswerAndStillReachOtherListeners() throws Exception {
        CountDownLatch onNotice = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new ArrayList<>();
        ReaderListener slow = new ReaderListener() { // holds delivery while NOTICE is being handled
            @Override
            public void onFrame(FrameEvent e) {
                String t = new String(e.bytes(), StandardCharsets.ISO_8859_1);
                synchronized (seen) {
                    seen.add(e.direction() + " " + t);
                }
                if (t.equals("NOTICE")) {
                    onNotice.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        Recorder rec = new Recorder();
        ReaderService reader = ReaderService.builder(tcp(instrument)).rule(ScpiResponseRule.lf())
                .listener(slow).listener(rec).name("t-unsolicited").start();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (InstrumentSession s = new InstrumentSession(reader, Terminator.LF)) {
            rec.awaitState(ConnectionState.CONNECTED, 1, T);
            s.write("EMIT"); // the instrument sends NOTICE: not an answer to anything
            assertTrue(onNotice.await(5, TimeUnit.SECONDS));
            // NOTICE arrived before the query; its delivery is still in progress when the query is sent
            Future<Response> answer = pool.submit(() -> s.query("*IDN?", T));
            Thread.sleep(200);
            assertFalse(answer.isDone());
            release.countDown();
            assertEquals("ACME Instruments,Model 7,SN123,1.2.3-4", answer.get(10, TimeUnit.SECONDS).text());
            rec.awaitRx(2, T);
            assertEquals(List.of("NOTICE", "ACME Instruments,Model 7,SN123,1.2.3-4"), rec.rxTexts());
            synchronized (seen) {
                assertEquals(List.of("TX EMIT\n", "RX NOTICE", "TX *IDN?\n", "RX ACME Instruments,Model 7,SN123,1.2.3-4"), seen);
            }
        } finally {
            pool.shutdownNow();
            reader.close();
        }
        assertEquals(ConnectionState.DISCONNECTED, reader.state());
    }

    @Test
    void closingASessionOverAnExistingReaderLeavesTheReaderRunning() throws Exception {
        Recorder rec = new Recorder();
        try (ReaderService reader = ReaderService.builder(tcp(instrument)).rule(ScpiResponseRule.lf()).listener(rec).start()) {
            rec.awaitState(ConnectionState.CONNECTED, 1, T);
            try (InstrumentSession s = new InstrumentSession(reader, Terminator.LF)) {
                assertEquals("one", s.query("ECHO? one", T).text());
            }
            assertEquals(ConnectionState.CONNECTED, reader.state());
            try (InstrumentSession s = new InstrumentSession(reader, Terminator.LF)) {
                assertEquals("two", s.query("ECHO? two", T).text());
            }
        }
    }

    @Test
    void concurrentQueriesAreSerializedAndEachGetsItsOwnAnswer() throws Exception {
        try (InstrumentSession s = InstrumentSession.open(tcp(instrument), Terminator.LF)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Void>> all = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int id = t;
                    all.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            String q = "q" + id + "-" + i;
                            assertEquals(q, s.query("ECHO? " + q, T).text());
                        }
                        return null;
                    }));
                }
                for (Future<Void> f : all) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void connectionEndingDuringAQueryFailsItAtOnce() throws Exception {
        try (InstrumentSession s = InstrumentSession.open(tcp(instrument), Terminator.LF)) {
            long t0 = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> s.query("BYE?", Duration.ofSeconds(20)));
            assertFalse(e instanceof QueryTimeoutException);
            assertTrue(e.getMessage().startsWith("connection ended while waiting for the response to \"BYE?\": DISCONNECTED"),
                    e.getMessage());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10));
            IOException after = assertThrows(IOException.class, () -> s.query("*IDN?", T));
            assertTrue(after.getMessage().startsWith("not connected"), after.getMessage());
        }
    }

    @Test
    void openingANonListeningPortFailsWithTheReason() throws Exception {
        int port = LoopbackServer.unusedPort();
        TransportFactory f = TcpClientTransport.factory("127.0.0.1", port, Duration.ofSeconds(2));
        IOException e = assertThrows(IOException.class, () -> InstrumentSession.open(f, Terminator.LF));
        assertEquals("tcp 127.0.0.1:" + port + ": connection refused (nothing listening there?)", e.getMessage());
    }

    @Test
    void queryFromAListenerIsRefusedInsteadOfDeadlocking() throws Exception {
        try (InstrumentSession s = InstrumentSession.open(tcp(instrument), Terminator.LF)) {
            s.query("ECHO? first", T);
            CountDownLatch done = new CountDownLatch(1);
            Throwable[] thrown = {null};
            s.reader().addListener(new ReaderListener() {
                @Override
                public void onFrame(FrameEvent e) {
                    if (done.getCount() > 0) {
                        try {
                            s.query("ECHO? nested", T);
                        } catch (Throwable t) {
                            thrown[0] = t;
                        }
                        done.countDown();
                    }
                }
            });
            s.write("ECHO? trigger");
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, thrown[0]);
            assertTrue(thrown[0].getMessage().contains("called from a listener"), thrown[0].getMessage());
        }
    }
}
