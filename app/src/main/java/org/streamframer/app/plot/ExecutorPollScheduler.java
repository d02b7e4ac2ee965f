package org.streamframer.app.plot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link PollScheduler} on one daemon thread named {@code plot-ticker}; {@link #close()} stops it. */
public final class ExecutorPollScheduler implements PollScheduler, AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plot-ticker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Cancellable scheduleAtFixedRate(Duration period, Runnable tick) {
        long nanos = period.toNanos();
        ScheduledFuture<?> f = executor.scheduleAtFixedRate(tick, nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
