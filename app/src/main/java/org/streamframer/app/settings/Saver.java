package org.streamframer.app.settings;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.streamframer.app.ui.Dispatcher;
import org.streamframer.app.ui.Notifier;

/**
 * Saves a value to a {@link JsonStore} in the background, newest wins: one write runs at a time,
 * and values saved while it runs collapse into one more write of the latest. So the file always
 * ends with the last value, however quickly saves come, and the FX thread never writes.
 *
 * @param <T> the stored type
 */
public final class Saver<T> {

    private final JsonStore<T> store;
    private final Dispatcher dispatcher;
    private final Notifier notifier;
    private final String what;
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();

    /** @param what for the error message, e.g. "the command history" */
    public Saver(JsonStore<T> store, Dispatcher dispatcher, Notifier notifier, String what) {
        this.store = Objects.requireNonNull(store, "store");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.what = what;
    }

    /** Schedules writing {@code value} (a snapshot the caller no longer changes). */
    public void save(T value) {
        pending.set(Objects.requireNonNull(value, "value"));
        if (running.compareAndSet(false, true)) {
            dispatcher.background(this::drain);
        }
    }

    /** Writes the pending value now on the calling thread (application exit). */
    public void flush() {
        T v = pending.getAndSet(null);
        if (v != null) {
            write(v);
        }
    }

    private void drain() {
        try {
            T v;
            while ((v = pending.getAndSet(null)) != null) {
                write(v);
            }
        } finally {
            running.set(false);
            if (pending.get() != null && running.compareAndSet(false, true)) {
                dispatcher.background(this::drain);
            }
        }
    }

    private void write(T v) {
        try {
            synchronized (store) {
                store.save(v);
            }
        } catch (IOException e) {
            notifier.error("Saving " + what + " failed", e);
        }
    }
}
