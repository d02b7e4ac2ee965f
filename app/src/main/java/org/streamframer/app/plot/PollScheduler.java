package org.streamframer.app.plot;

import java.time.Duration;

/**
 * Runs a tick at a fixed rate. Production: {@link ExecutorPollScheduler} (one named thread);
 * tests: a manual scheduler driven by a fake clock, so scheduling is deterministic.
 */
public interface PollScheduler {

    /** Runs {@code tick} every {@code period}, the first time one period from now. */
    Cancellable scheduleAtFixedRate(Duration period, Runnable tick);

    /** A scheduled tick; {@link #cancel()} stops further ticks (a running one finishes). */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
