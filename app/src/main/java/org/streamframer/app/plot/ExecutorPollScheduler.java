package org.streamframer.app.plot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link PollScheduler} on one daemon thread named {@code plot-ticker}; {@link #close()} stops it.
 * A tick that throws is reported to the thread's uncaught-exception handler and the schedule goes on.
 */
public final class ExecutorPollScheduler implements PollScheduler, AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plot-ticker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Cancellable scheduleAtFixedRate(Duration period, Runnable tick) {
        long nanos = period.toNanos();
        // a tick that throws would silently end a fixed-rate schedule: report it and keep ticking
        Runnable guarded = () -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        };
        ScheduledFuture<?> f = executor.scheduleAtFixedRate(guarded, nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
