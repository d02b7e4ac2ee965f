package org.streamframer.framing.reader;

/** The reader's connection state, reported with each change as a {@link StateEvent}. */
public enum ConnectionState {
    /** Opening the transport (also each reconnect attempt; the detail numbers the attempt). */
    CONNECTING,
    /** Reading; the detail describes the connection. */
    CONNECTED,
    /**
     * The connection ended: the peer closed or reset it, the device went away, a read failed (the
     * error is reported first), or {@code close()} was called. The detail says which.
     */
    DISCONNECTED,
    /**
     * The transport could not be opened (the detail says why); with a reconnect policy another
     * CONNECTING attempt follows.
     */
    FAILED
}
