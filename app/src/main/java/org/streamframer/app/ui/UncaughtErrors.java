package org.streamframer.app.ui;

import java.util.Objects;

/**
 * The last line of defence: an exception nobody caught, on any thread (the FX thread included),
 * is logged and shown once in plain words instead of ending the thread's work silently or
 * printing a stack trace at the user.
 */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {

    private final Notifier notifier;

    public UncaughtErrors(Notifier notifier) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    /** Installs a handler for every thread of the process. */
    public static UncaughtErrors install(Notifier notifier) {
        UncaughtErrors h = new UncaughtErrors(notifier);
        Thread.setDefaultUncaughtExceptionHandler(h);
        return h;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        notifier.error("Unexpected problem in " + t.getName(), e);
    }
}
