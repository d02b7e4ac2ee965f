package org.streamframer.framing.reader;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how the reader reconnects after the connection ends or fails to open. Delays
 * double after each failed attempt, from {@code initialDelay} up to {@code maxDelay}, and start
 * over once a connection succeeds. Each attempt is reported as a CONNECTING {@link StateEvent}.
 */
public record ReconnectPolicy(boolean enabled, Duration initialDelay, Duration maxDelay) {

    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("initialDelay < 0: " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay (" + maxDelay + ") < initialDelay (" + initialDelay + ")");
        }
    }

    /** No reconnect: the default. */
    public static ReconnectPolicy off() {
        return new ReconnectPolicy(false, Duration.ZERO, Duration.ZERO);
    }

    /** Reconnect, waiting {@code initialDelay}, doubling up to {@code maxDelay}. */
    public static ReconnectPolicy backoff(Duration initialDelay, Duration maxDelay) {
        return new ReconnectPolicy(true, initialDelay, maxDelay);
    }

    /** The delay before attempt {@code failures + 1} after {@code failures} failures in a row. */
    public Duration delayAfter(int failures) {
        if (failures <= 0) {
            return initialDelay;
        }
        long base = Math.max(1, initialDelay.toNanos());
        long d = base;
        for (int i = 0; i < failures && d < maxDelay.toNanos(); i++) {
            d = d > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : d * 2;
        }
        return Duration.ofNanos(Math.min(d, maxDelay.toNanos()));
    }
}
