package org.streamframer.framing.scpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.streamframer.framing.transport.TcpClientTransport;

/**
 * Waiting for a turn on a busy session: a thread that queries back to back (a plot polling a
 * query the instrument never answers, each poll waiting out its timeout) must not keep another
 * thread (the command console) from its turn, and the wait for a turn is bounded by the query's
 * own timeout.
 */
class SessionTurnsTest {

    private ScpiTestServer instrument;
    private InstrumentSession session;
    private final ExecutorService poller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-poller");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService console = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-console");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean polling = new AtomicBoolean(true);
    private final AtomicInteger polls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        instrument = new ScpiTestServer(new byte[] {'\n'});
        session = InstrumentSession.open(TcpClientTransport.factory("127.0.0.1", instrument.port(),
                Duration.ofSeconds(5)), Terminator.LF);
    }

    @AfterEach
    void stop() throws Exception {
        polling.set(false);
        poller.shutdownNow();
        console.shutdownNow();
        session.close();
        instrument.close();
    }

    /** Two "series" on one query thread, each re-queued when its poll ends: the thread always has the next poll waiting. */
    private void pollBackToBack(Duration timeout) {
        for (int i = 0; i < 2; i++) {
            poller.execute(new Runnable() {
                @Override
                public void run() {
                    if (!polling.get()) {
                        return;
                    }
                    try {
                        session.query("SILENT?", timeout);
                    } catch (IOException expected) {
                        // a timeout every time
                    }
                    polls.incrementAndGet();
                    if (polling.get()) {
                        poller.execute(this);
                    }
                }
            });
        }
    }

    @Test
    void aQueryGetsItsTurnWhileAnotherThreadPollsBackToBack() throws Exception {
        Duration pollTimeout = Duration.ofMillis(150);
        pollBackToBack(pollTimeout);
        while (polls.get() < 2) {
            Thread.sleep(10);
        }
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            String word = "console " + i;
            Future<Response> f = console.submit(() -> session.query("ECHO? " + word, Duration.ofSeconds(2)));
            Response r;
            try {
                r = f.get(6, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                fail("the console query did not get a turn in 6 s while the poller held the session back to back ("
                        + polls.get() + " polls so far)");
                return;
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(word, r.text());
            // its turn comes after the poll in progress (150 ms), at most after one more
            assertTrue(ms < 2_000, "waited " + ms + " ms for a turn");
        }
    }

    @Test
    void theWaitForATurnIsBoundedByTheQueryTimeout() throws Exception {
        // a poll that holds the session for 6 s; a query given 300 ms does not wait all of it
        Future<?> hog = poller.submit(() -> session.query("SILENT?", Duration.ofSeconds(6)));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!instrument.received().contains("SILENT?") && System.nanoTime() < until) {
            Thread.sleep(5); // the poll has its turn once its command went out
        }
        long t0 = System.nanoTime();
        Future<Response> f = console.submit(() -> session.query("ECHO? late", Duration.ofMillis(300)));
        try {
            f.get(2500, TimeUnit.MILLISECONDS);
            fail("the query cannot have been answered while the session was busy");
        } catch (java.util.concurrent.ExecutionException e) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(e.getCause() instanceof SessionBusyException, String.valueOf(e.getCause()));
            assertEquals("SILENT?", ((SessionBusyException) e.getCause()).busyWith());
            String m = e.getCause().getMessage();
            assertTrue(m.startsWith("\"ECHO? late\" not sent: waited 3") && m.contains("busy with \"SILENT?\" for "), m);
            assertEquals("SILENT?\n", instrument.received(), "the late query was not sent");
            assertTrue(ms >= 250 && ms < 2500, "gave up after " + ms + " ms");
        } catch (TimeoutException e) {
            fail("the query waited for its turn beyond its own timeout (300 ms)");
        }
        // a write waits for its turn too, bounded by what it is given
        long t1 = System.nanoTime();
        SessionBusyException busy = org.junit.jupiter.api.Assertions.assertThrows(SessionBusyException.class,
                () -> session.write("*CLS", Duration.ofMillis(200)));
        long ms = (System.nanoTime() - t1) / 1_000_000;
        assertTrue(ms >= 150 && ms < 2000, "the write gave up after " + ms + " ms");
        assertTrue(busy.getMessage().startsWith("\"*CLS\" not sent"), busy.getMessage());
        // the 6 s query times out as usual, and the session goes on
        java.util.concurrent.ExecutionException end = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> hog.get(10, TimeUnit.SECONDS));
        assertTrue(end.getCause() instanceof QueryTimeoutException, String.valueOf(end.getCause()));
        session.write("*CLS");
        assertEquals("console", session.query("ECHO? console", Duration.ofSeconds(2)).text());
    }

    @Test
    void queriesWithTwoTerminatorsTakeTurnsAndNeverTakeEachOthersAnswers() throws Exception {
        polling.set(false);
        InstrumentSession crlf = session.withTerminator(Terminator.CRLF);
        assertTrue(session.withTerminator(Terminator.LF) == session, "the same terminator: the same session");
        int n = 150;
        Future<?> a = poller.submit(() -> {
            for (int i = 0; i < n; i++) {
                assertEquals("lf " + i, session.query("ECHO? lf " + i, Duration.ofSeconds(5)).text());
            }
            return null;
        });
        Future<?> b = console.submit(() -> {
            for (int i = 0; i < n; i++) {
                assertEquals("crlf " + i, crlf.query("ECHO? crlf " + i, Duration.ofSeconds(5)).text());
            }
            return null;
        });
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);
        assertTrue(instrument.received().contains("ECHO? crlf 0\r\n"), "the CRLF session's terminator");
        crlf.close(); // does nothing: the session it came from still answers
        assertEquals("still", session.query("ECHO? still", Duration.ofSeconds(2)).text());
    }
}
