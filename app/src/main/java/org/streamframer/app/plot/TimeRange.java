package org.streamframer.app.plot;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A closed wall-clock interval [from, to], from strictly before to. */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("time range start " + from + " is not before its end " + to);
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && !t.isAfter(to);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
