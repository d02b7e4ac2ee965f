package org.streamframer.app.plot;

import java.time.Duration;
import java.util.Objects;

/**
 * What one series polls: a display name, the query, the interval between sends and the
 * timeout each query is given.
 *
 * @param name     shown in the legend and the CSV; not blank
 * @param query    sent as is, e.g. {@code MEAS:VOLT:DC?}; not blank
 * @param interval at least {@link #MIN_INTERVAL}
 * @param timeout  positive; a timeout longer than the interval makes ticks skip while waiting
 */
public record SeriesSpec(String name, String query, Duration interval, Duration timeout) {

    /** The shortest interval accepted: 50 ms. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(50);

    public SeriesSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (name.isBlank()) {
            throw new IllegalArgumentException("series name is blank");
        }
        if (query.isBlank()) {
            throw new IllegalArgumentException("query of series '" + name + "' is blank");
        }
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("interval (" + interval.toMillis()
                    + " ms) is below the minimum (" + MIN_INTERVAL.toMillis() + " ms)");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout (" + timeout.toMillis() + " ms) must be positive");
        }
    }

    /** A series named after its query, timeout = max(interval, 1 s). */
    public static SeriesSpec of(String query, Duration interval) {
        Duration timeout = interval.compareTo(Duration.ofSeconds(1)) > 0 ? interval : Duration.ofSeconds(1);
        return new SeriesSpec(query, query, interval, timeout);
    }
}
