package org.streamframer.framing.reader;

import java.time.Instant;

/**
 * A connection state change. {@code detail} says what and why, e.g.
 * "tcp 127.0.0.1:5025", "attempt 3, next in 800 ms", "peer closed", or the failure's message.
 */
public record StateEvent(Instant time, ConnectionState state, String detail) {
}
