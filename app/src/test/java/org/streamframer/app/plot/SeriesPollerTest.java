package org.streamframer.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Poll scheduling against a fake clock: no overlap, interval kept, timeouts, bad answers. */
class SeriesPollerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final ManualExecutor queries = new ManualExecutor();
    private final List<PollOutcome> outcomes = new ArrayList<>();
    private final List<Instant> sentAt = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private SeriesPoller poller(Duration interval, QueryFunction fn) {
        SeriesSpec spec = new SeriesSpec("v", "MEAS:VOLT?", interval, Duration.ofMillis(300));
        QueryFunction counting = (cmd, timeout) -> {
            sentAt.add(scheduler.now());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return fn.query(cmd, timeout);
            } finally {
                inFlight.decrementAndGet();
            }
        };
        return new SeriesPoller(spec, counting, scheduler, queries, Runnable::run, scheduler.clock, outcomes::add);
    }

    @Test
    void sendsOncePerIntervalAtTheScheduledTimes() {
        SeriesPoller p = poller(Duration.ofMillis(100), (c, t) -> "+1.0E+00");
        p.start();
        for (int i = 0; i < 10; i++) {
            scheduler.advance(Duration.ofMillis(100));
            queries.runAll(); // the instrument answers before the next tick
        }
        assertEquals(10, sentAt.size());
        for (int i = 0; i < sentAt.size(); i++) {
            assertEquals(T0.plusMillis(100L * (i + 1)), sentAt.get(i), "send #" + i);
        }
        assertEquals(10, outcomes.stream().filter(o -> o instanceof PollOutcome.Answered).count());
        assertEquals(1, maxInFlight.get());
    }

    @Test
    void aSlowAnswerMakesLaterTicksSkipNeverOverlap() {
        SeriesPoller p = poller(Duration.ofMillis(50), (c, t) -> "1");
        p.start();
        scheduler.advance(Duration.ofMillis(50));   // tick 1: query queued (outstanding)
        assertTrue(p.isOutstanding());
        scheduler.advance(Duration.ofMillis(200));  // ticks 2..5 come while it is outstanding
        assertEquals(1, queries.pending(), "only one query may be outstanding");
        assertEquals(4, outcomes.stream().filter(o -> o instanceof PollOutcome.Skipped).count());
        queries.runAll();                           // the answer arrives
        assertFalse(p.isOutstanding());
        scheduler.advance(Duration.ofMillis(50));   // tick 6 sends again
        assertEquals(1, queries.pending());
        queries.runAll();
        assertEquals(2, sentAt.size());
        assertEquals(List.of(T0.plusMillis(250), T0.plusMillis(300)), sentAt);
        assertEquals(1, maxInFlight.get());
    }

    @Test
    void anAnswerArrivingAfterThePlotClosedIsDroppedQuietly() {
        SeriesSpec spec = new SeriesSpec("v", "MEAS:VOLT?", Duration.ofMillis(100), Duration.ofMillis(300));
        java.util.concurrent.Executor closed = r -> {
            throw new java.util.concurrent.RejectedExecutionException("delivery executor shut down");
        };
        SeriesPoller p = new SeriesPoller(spec, (c, t) -> "+1.0E+00", scheduler, queries, closed,
                scheduler.clock, outcomes::add);
        p.start();
        scheduler.advance(Duration.ofMillis(100));
        queries.runAll(); // the answer comes back while the plot is closing: must not throw
        assertFalse(p.isOutstanding(), "the next tick may query again");
        assertEquals(List.of(), outcomes);
    }

    @Test
    void timeoutIsReportedAndPollingGoesOn() {
        AtomicInteger n = new AtomicInteger();
        SeriesPoller p = poller(Duration.ofMillis(100), (c, t) -> {
            if (n.incrementAndGet() == 2) {
                throw new SocketTimeoutException("no answer to MEAS:VOLT? within " + t.toMillis() + " ms");
            }
            return "2.5";
        });
        p.start();
        for (int i = 0; i < 3; i++) {
            scheduler.advance(Duration.ofMillis(100));
            queries.runAll();
        }
        assertEquals(3, outcomes.size());
        assertInstanceOf(PollOutcome.Answered.class, outcomes.get(0));
        PollOutcome.TimedOut to = assertInstanceOf(PollOutcome.TimedOut.class, outcomes.get(1));
        assertEquals(Duration.ofMillis(300), to.timeout());
        assertTrue(to.error().getMessage().contains("300 ms"));
        assertInstanceOf(PollOutcome.Answered.class, outcomes.get(2));
    }

    @Test
    void theSessionsQueryTimeoutCountsAsATimeout() {
        SeriesPoller p = poller(Duration.ofMillis(100), (c, t) -> {
            throw new org.streamframer.framing.scpi.QueryTimeoutException(c, t, "tcp 127.0.0.1:5025", 3,
                    new byte[] {'1', '.', '5'});
        });
        p.start();
        scheduler.advance(Duration.ofMillis(100));
        queries.runAll();
        assertInstanceOf(PollOutcome.TimedOut.class, outcomes.get(0));
    }

    @Test
    void aQueryTheSimulatorNeverAnswersTimesOutAndPollingGoesOn() throws Exception {
        List<PollOutcome> got = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch two = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.ExecutorService q = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (var sim = new org.streamframer.app.sim.SimulatedInstrument(org.streamframer.app.sim.SimConfig.ephemeral()).start();
             var session = org.streamframer.framing.scpi.InstrumentSession.open(
                     org.streamframer.framing.transport.TcpClientTransport.factory("127.0.0.1", sim.port(), Duration.ofSeconds(5)),
                     org.streamframer.framing.scpi.Terminator.LF);
             ExecutorPollScheduler real = new ExecutorPollScheduler()) {
            // "*CLS" is a command: the instrument answers nothing, so each poll times out
            SeriesPoller p = new SeriesPoller(new SeriesSpec("cls", "*CLS", Duration.ofMillis(100), Duration.ofMillis(200)),
                    (c, t) -> session.query(c, t).text(), real, q, Runnable::run, java.time.Clock.systemUTC(), o -> {
                        got.add(o);
                        if (o instanceof PollOutcome.TimedOut) {
                            two.countDown();
                        }
                    });
            p.start();
            assertTrue(two.await(20, java.util.concurrent.TimeUnit.SECONDS), "two timeouts: " + got);
            p.stop();
        } finally {
            q.shutdownNow();
        }
        PollOutcome.TimedOut t = got.stream().filter(PollOutcome.TimedOut.class::isInstance)
                .map(PollOutcome.TimedOut.class::cast).findFirst().orElseThrow();
        assertTrue(t.error().getMessage().contains("within 200 ms"), t.error().getMessage());
        assertTrue(got.stream().anyMatch(PollOutcome.Skipped.class::isInstance), "ticks during a 200 ms wait are skipped");
        assertTrue(got.stream().noneMatch(PollOutcome.Failed.class::isInstance), got.toString());
    }

    @Test
    void otherFailuresAndGarbageDoNotStopPolling() {
        AtomicInteger n = new AtomicInteger();
        SeriesPoller p = poller(Duration.ofMillis(100), (c, t) -> switch (n.incrementAndGet()) {
            case 1 -> "not a number";
            case 2 -> throw new IOException("connection reset");
            case 3 -> throw new IllegalStateException("session closed");
            default -> "-0.5 V";
        });
        p.start();
        for (int i = 0; i < 4; i++) {
            scheduler.advance(Duration.ofMillis(100));
            queries.runAll();
        }
        PollOutcome.Answered a = assertInstanceOf(PollOutcome.Answered.class, outcomes.get(0));
        assertInstanceOf(Reading.Garbage.class, a.reading());
        assertEquals("connection reset",
                assertInstanceOf(PollOutcome.Failed.class, outcomes.get(1)).error().getMessage());
        assertInstanceOf(PollOutcome.Failed.class, outcomes.get(2));
        PollOutcome.Answered last = assertInstanceOf(PollOutcome.Answered.class, outcomes.get(3));
        assertEquals(new Reading.Value(-0.5, "V"), last.reading());
        assertTrue(p.isRunning());
    }

    @Test
    void stopCancelsTicksButTheOutstandingAnswerIsStillDelivered() {
        SeriesPoller p = poller(Duration.ofMillis(100), (c, t) -> "7");
        p.start();
        scheduler.advance(Duration.ofMillis(100));
        p.stop();
        assertEquals(0, scheduler.active());
        scheduler.advance(Duration.ofSeconds(1));
        queries.runAll();
        assertEquals(1, sentAt.size());
        assertEquals(1, outcomes.size());
        assertInstanceOf(PollOutcome.Answered.class, outcomes.get(0));
        p.start();
        scheduler.advance(Duration.ofMillis(100));
        queries.runAll();
        assertEquals(2, sentAt.size());
    }

    @Test
    void aTickThatThrowsIsReportedAndTheScheduleGoesOn() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        List<Throwable> reported = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch five = new java.util.concurrent.CountDownLatch(5);
        try (ExecutorPollScheduler real = new ExecutorPollScheduler()) {
            real.scheduleAtFixedRate(Duration.ofMillis(50), () -> {
                Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
                five.countDown();
                if (ticks.incrementAndGet() == 1) {
                    throw new IllegalStateException("Toolkit has exited");
                }
            });
            assertTrue(five.await(10, java.util.concurrent.TimeUnit.SECONDS), "ticks after the failure: " + ticks);
        }
        assertEquals(1, reported.size());
        assertEquals("Toolkit has exited", reported.get(0).getMessage());
    }

    @Test
    void realSchedulerKeepsTheIntervalWithinAGenerousTolerance() throws Exception {
        List<Long> sends = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(6);
        java.util.concurrent.ExecutorService q = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (ExecutorPollScheduler real = new ExecutorPollScheduler()) {
            SeriesPoller p = new SeriesPoller(new SeriesSpec("v", "X?", Duration.ofMillis(100), Duration.ofSeconds(1)),
                    (c, t) -> {
                        sends.add(System.nanoTime());
                        return "1";
                    }, real, q, Runnable::run, java.time.Clock.systemUTC(), o -> done.countDown());
            p.start();
            assertTrue(done.await(10, java.util.concurrent.TimeUnit.SECONDS), "6 polls within 10 s");
            p.stop();
        } finally {
            q.shutdownNow();
        }
        List<Long> s = new ArrayList<>(sends);
        double meanGapMs = (s.get(5) - s.get(0)) / 5 / 1e6;
        // fixed rate: the mean gap stays near 100 ms even on a loaded machine
        assertTrue(meanGapMs > 60 && meanGapMs < 400, "mean gap " + meanGapMs + " ms");
    }
}
