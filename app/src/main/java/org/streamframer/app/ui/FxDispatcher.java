package org.streamframer.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;

/**
 * The application's {@link Dispatcher}: a small pool of named daemon threads
 * ({@code console-bg-N}) for background work, {@code Platform.runLater} for the FX thread, and a
 * timer thread ({@code console-ui-timer}) for paced UI updates.
 * Owned by {@link org.streamframer.app.ConsoleApp}, which closes it on exit.
 */
public final class FxDispatcher implements Dispatcher, AutoCloseable {

    private final ExecutorService pool;
    private final ScheduledExecutorService timer;

    public FxDispatcher() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "console-bg-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-ui-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void uiAfter(long millis, Runnable task) {
        timer.schedule(() -> Platform.runLater(task), millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void background(Runnable task) {
        pool.execute(task);
    }

    @Override
    public void ui(Runnable task) {
        Platform.runLater(task);
    }

    /** Stops taking work and waits up to a second for running tasks. */
    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
