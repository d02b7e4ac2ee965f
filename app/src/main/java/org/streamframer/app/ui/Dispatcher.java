package org.streamframer.app.ui;

/**
 * Where ViewModels send work: {@link #background(Runnable)} for anything that may block (I/O,
 * connecting, listing ports, queries, file writes), {@link #ui(Runnable)} to come back to the
 * FX thread with the result. ViewModels never call {@code Platform} directly, so tests run them
 * with {@link #currentThread()}.
 */
public interface Dispatcher {

    /** Runs {@code task} off the FX thread. */
    void background(Runnable task);

    /** Runs {@code task} on the FX thread, later. */
    void ui(Runnable task);

    /**
     * Runs {@code task} on the FX thread after about {@code millis} ms (pacing UI updates). The
     * test dispatchers run it at once.
     */
    default void uiAfter(long millis, Runnable task) {
        ui(task);
    }

    /** Both kinds of work run at once on the calling thread: for tests. */
    static Dispatcher currentThread() {
        return new Dispatcher() {
            @Override
            public void background(Runnable task) {
                task.run();
            }

            @Override
            public void ui(Runnable task) {
                task.run();
            }
        };
    }
}
