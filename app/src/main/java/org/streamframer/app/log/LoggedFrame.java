package org.streamframer.app.log;

import java.time.Instant;
import java.util.Objects;
import org.streamframer.framing.ScanResult;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;

/**
 * One frame read back from a session log.
 *
 * @param line           1-based line number in the log
 * @param utc            wall-clock time the frame was complete (RX) or written (TX)
 * @param monotonicNanos {@link System#nanoTime()} at that moment (comparable within one log only)
 * @param direction      RX or TX
 * @param bytes          the frame's bytes (from {@code hex}; {@code text} is only for people)
 * @param queryId        pairs a query (TX) with its answer (RX); null when not paired
 */
public record LoggedFrame(long line, Instant utc, long monotonicNanos, Direction direction, byte[] bytes,
                          Long queryId) {

    public LoggedFrame {
        Objects.requireNonNull(utc, "utc");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(bytes, "bytes");
    }

    /**
     * As the live-frames view shows frames: sequence = line number, type = data, meta = the
     * query id (or null). The bytes are shared, not copied.
     */
    public FrameEvent toFrameEvent() {
        return new FrameEvent(line, direction, utc, monotonicNanos, bytes, ScanResult.TYPE_DATA, queryId);
    }
}
