package org.streamframer.framing.reader;

/**
 * What the reader does when its delivery queue is full because listeners are slower than the
 * line. Either way memory stays bounded by the queue capacity (times the frame size). State
 * changes are never dropped (they wait for room).
 */
public enum OverflowPolicy {
    /**
     * The default: the reader thread waits for room, so nothing is lost; the transport's own
     * buffers (socket window, serial driver) then fill and the peer is slowed or, on a serial
     * line without flow control, the driver drops bytes.
     */
    BLOCK,
    /**
     * The frame (or error) is dropped and counted ({@link ReaderStats#dropped()}); reading goes
     * on. A dropped frame's sequence number is skipped, so listeners see the gap.
     */
    DROP
}
