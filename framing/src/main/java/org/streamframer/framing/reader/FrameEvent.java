package org.streamframer.framing.reader;

import java.time.Instant;

/**
 * A frame received (RX, as the rule framed it) or sent (TX, the bytes given to
 * {@code ReaderService.send}).
 *
 * @param sequence       numbers RX and TX frames together in the order they happened, from 1,
 *                       per service (not reset by a reconnect)
 * @param direction      RX or TX
 * @param time           wall-clock time the frame was complete (RX: when the read that brought
 *                       its last byte returned) or written (TX)
 * @param monotonicNanos {@link System#nanoTime()} at the same moment, for intervals
 * @param bytes          a private copy owned by the receiver (the listener may keep it)
 * @param type           the rule's frame type ({@code ScanResult.TYPE_DATA} for data; 0 for TX)
 * @param meta           the rule's decoded metadata, or null
 */
public record FrameEvent(long sequence, Direction direction, Instant time,
                         long monotonicNanos, byte[] bytes, int type, Object meta) {
}
