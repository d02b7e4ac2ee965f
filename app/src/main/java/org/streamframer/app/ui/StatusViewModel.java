package org.streamframer.app.ui;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.streamframer.framing.reader.ReaderStats;

/**
 * The status bar's figures. {@link #poll()} reads the reader's counters (cheap: a few volatile
 * reads) and is called by a Timeline a few times a second, never per frame.
 */
public final class StatusViewModel {

    private final Supplier<ReaderStats> stats;
    private final ReadOnlyStringWrapper in = new ReadOnlyStringWrapper(this, "in", "RX –");
    private final ReadOnlyStringWrapper out = new ReadOnlyStringWrapper(this, "out", "TX –");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper(this, "rate", "");
    private final ReadOnlyStringWrapper errorsText = new ReadOnlyStringWrapper(this, "errorsText", "");
    private final ReadOnlyLongWrapper errors = new ReadOnlyLongWrapper(this, "errors");

    /** @param stats the open connection's counters, or null when none is open */
    public StatusViewModel(Supplier<ReaderStats> stats) {
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    public ReadOnlyStringProperty inProperty() {
        return in.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outProperty() {
        return out.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsTextProperty() {
        return errorsText.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    /** Reads the counters and updates the texts. FX thread. */
    public void poll() {
        ReaderStats s = stats.get();
        if (s == null) {
            return;
        }
        in.set("RX " + bytes(s.bytesIn()) + " · " + count(s.framesIn()) + " frames");
        out.set("TX " + bytes(s.bytesOut()) + " · " + count(s.framesOut()) + " frames");
        rate.set(bytes((long) s.bytesInPerSecond()) + "/s · " + count((long) s.framesInPerSecond()) + " frames/s");
        errors.set(s.errors());
        String dropped = s.dropped() > 0 ? " · " + count(s.dropped()) + " dropped by reader" : "";
        errorsText.set(s.errors() == 0 && s.dropped() == 0 ? "No errors"
                : count(s.errors()) + " error" + (s.errors() == 1 ? "" : "s") + dropped);
    }

    /** 1,234 */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 999 B, 12.3 KB, 4.56 MB. */
    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1e3);
        }
        if (n < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f MB", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", n / 1e9);
    }
}
