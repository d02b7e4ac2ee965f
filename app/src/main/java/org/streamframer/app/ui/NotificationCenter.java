package org.streamframer.app.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The {@link Notifier} behind the notification banner. Logs each error once (with its stack
 * trace, for the log only) and publishes the message in plain words on the FX thread. The same
 * message again within {@link #REPEAT_WINDOW} is not shown twice, so a reconnect loop does not
 * bury the user in identical banners.
 */
public final class NotificationCenter implements Notifier {

    /** A message on the banner. */
    public record Notice(Kind kind, String text, Instant time) {
    }

    /** Error or information. */
    public enum Kind { ERROR, INFO }

    static final Duration REPEAT_WINDOW = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(NotificationCenter.class.getName());

    private final Dispatcher dispatcher;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Notice> current = new ReadOnlyObjectWrapper<>(this, "current");
    private Notice last; // guarded by this
    private long shown;  // guarded by this

    public NotificationCenter(Dispatcher dispatcher, Clock clock) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // Properties

    /** The message on the banner, or null when it is dismissed. Changes on the FX thread. */
    public ReadOnlyObjectProperty<Notice> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** How many notices were published (repeats not counted). */
    public synchronized long shownCount() {
        return shown;
    }

    // Commands

    @Override
    public void error(String what, Throwable cause) {
        String text = what + ": " + PlainWords.describe(cause);
        if (publish(Kind.ERROR, text)) {
            LOG.log(System.Logger.Level.WARNING, text, cause);
        }
    }

    @Override
    public void error(String message) {
        if (publish(Kind.ERROR, message)) {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    @Override
    public void info(String message) {
        publish(Kind.INFO, message);
    }

    /** Hides the banner. */
    public void dismiss() {
        dispatcher.ui(() -> current.set(null));
    }

    private boolean publish(Kind kind, String text) {
        Instant now = clock.instant();
        Notice n = new Notice(kind, text, now);
        synchronized (this) {
            if (last != null && last.kind() == kind && last.text().equals(text)
                    && Duration.between(last.time(), now).compareTo(REPEAT_WINDOW) < 0) {
                return false;
            }
            last = n;
            shown++;
        }
        dispatcher.ui(() -> current.set(n));
        return true;
    }
}
