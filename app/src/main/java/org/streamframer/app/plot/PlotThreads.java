package org.streamframer.app.plot;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * The production {@link PlotViewModel.PlotRuntime}: a ticker thread, ONE query thread
 * ({@code plot-query}: queries of all series go to the instrument one at a time), one file
 * thread ({@code plot-io}), delivery on the FX thread, the system clock. Owns the threads;
 * {@link #close()} stops them.
 */
public final class PlotThreads implements AutoCloseable {

    private final ExecutorPollScheduler scheduler = new ExecutorPollScheduler();
    private final ExecutorService queries = Executors.newSingleThreadExecutor(named("plot-query"));
    private final ExecutorService io = Executors.newSingleThreadExecutor(named("plot-io"));
    private final PlotViewModel.PlotRuntime runtime =
            new PlotViewModel.PlotRuntime(scheduler, queries, Platform::runLater, io, Clock.systemUTC());

    public PlotViewModel.PlotRuntime runtime() {
        return runtime;
    }

    /** Stops ticking and queries at once; lets a file write finish (up to 5 s). */
    @Override
    public void close() {
        scheduler.close();
        queries.shutdownNow();
        io.shutdown();
        try {
            if (!io.awaitTermination(5, TimeUnit.SECONDS)) {
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            io.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
