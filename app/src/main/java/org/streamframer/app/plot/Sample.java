package org.streamframer.app.plot;

import java.time.Instant;
import java.util.Objects;

/**
 * One answered query of a series. Only {@link Kind#VALUE} samples are plotted; the others
 * are kept so they are counted, shown and exported.
 *
 * @param value the number for {@code VALUE}, {@link Double#NaN} otherwise
 * @param unit  the unit suffix ({@code ""} when none)
 * @param text  the answer as received (trimmed)
 */
public record Sample(Instant time, Kind kind, double value, String unit, String text) {

    /** What the answer was. */
    public enum Kind { VALUE, OVERFLOW, NOT_A_NUMBER, GARBAGE }

    public Sample {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(text, "text");
    }

    /** The sample an answer becomes. */
    public static Sample of(Instant time, String text, Reading r) {
        String t = text == null ? "" : text.strip();
        if (r instanceof Reading.Value v) {
            return new Sample(time, Kind.VALUE, v.value(), v.unit(), t);
        } else if (r instanceof Reading.Overflow o) {
            return new Sample(time, Kind.OVERFLOW, Double.NaN, o.unit(), t);
        } else if (r instanceof Reading.NotANumber n) {
            return new Sample(time, Kind.NOT_A_NUMBER, Double.NaN, n.unit(), t);
        }
        return new Sample(time, Kind.GARBAGE, Double.NaN, "", t);
    }

    public boolean plotted() {
        return kind == Kind.VALUE;
    }
}
