package org.streamframer.app.plot;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Polls one series: on every tick it sends the query on the query executor unless the
 * previous one is still outstanding, in which case the tick is skipped (and reported).
 * Each outcome is handed to the sink on the delivery executor (the FX thread in the app).
 * No JavaFX here; thread-safe.
 *
 * <pre>
 *  tick ──► outstanding? ──yes──► Skipped
 *              │no
 *              ▼
 *     query executor: fn.query(q, timeout) ──► Answered | TimedOut | Failed
 *              (outstanding cleared before delivery)
 * </pre>
 */
public final class SeriesPoller {

    private final SeriesSpec spec;
    private final QueryFunction fn;
    private final PollScheduler scheduler;
    private final Executor queryExecutor;
    private final Executor delivery;
    private final Clock clock;
    private final Consumer<PollOutcome> sink;
    private final AtomicBoolean outstanding = new AtomicBoolean();
    private PollScheduler.Cancellable ticking;

    public SeriesPoller(SeriesSpec spec, QueryFunction fn, PollScheduler scheduler, Executor queryExecutor,
                        Executor delivery, Clock clock, Consumer<PollOutcome> sink) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.fn = Objects.requireNonNull(fn, "fn");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.queryExecutor = Objects.requireNonNull(queryExecutor, "queryExecutor");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public SeriesSpec spec() {
        return spec;
    }

    /** Starts ticking (no effect when already running). */
    public synchronized void start() {
        if (ticking == null) {
            ticking = scheduler.scheduleAtFixedRate(spec.interval(), this::tick);
        }
    }

    /** Stops ticking; an outstanding query still completes and is delivered. */
    public synchronized void stop() {
        if (ticking != null) {
            ticking.cancel();
            ticking = null;
        }
    }

    public synchronized boolean isRunning() {
        return ticking != null;
    }

    /** True while a query is sent and not yet answered, timed out or failed. */
    public boolean isOutstanding() {
        return outstanding.get();
    }

    /** One tick; called by the scheduler. */
    void tick() {
        if (!outstanding.compareAndSet(false, true)) {
            deliver(new PollOutcome.Skipped(clock.instant()));
            return;
        }
        try {
            queryExecutor.execute(this::queryOnce);
        } catch (RejectedExecutionException e) {
            outstanding.set(false);
            deliver(new PollOutcome.Failed(clock.instant(), e));
        }
    }

    private void queryOnce() {
        long t0 = System.nanoTime();
        PollOutcome outcome;
        try {
            String text = fn.query(spec.query(), spec.timeout());
            Duration rtt = Duration.ofNanos(System.nanoTime() - t0);
            outcome = new PollOutcome.Answered(clock.instant(), text, ScpiNumberParser.parse(text), rtt);
        } catch (IOException e) {
            outcome = Timeouts.isTimeout(e)
                    ? new PollOutcome.TimedOut(clock.instant(), spec.timeout(), e)
                    : new PollOutcome.Failed(clock.instant(), e);
        } catch (RuntimeException e) {
            outcome = new PollOutcome.Failed(clock.instant(), e);
        } finally {
            outstanding.set(false);
        }
        deliver(outcome);
    }

    /**
     * Hands an outcome to the sink's thread. Once that executor has been shut down (the plot is
     * closing), an answer still in flight has nowhere to be shown and is dropped: it must not
     * surface as an exception on the query thread.
     */
    private void deliver(PollOutcome outcome) {
        try {
            delivery.execute(() -> sink.accept(outcome));
        } catch (RejectedExecutionException closing) {
            // the plot is shutting down: nothing is left to show the outcome
        }
    }
}
