package org.streamframer.framing.transport;

import java.time.Duration;
import java.util.Objects;

/** Converts read timeouts for the socket and serial APIs, which take whole milliseconds. */
final class TransportTimeouts {
    private TransportTimeouts() {
    }

    /** {@code timeout} in milliseconds, at least 1 (0 would mean "wait forever" to the APIs). */
    static int millis(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("read timeout <= 0: " + timeout);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }
}
