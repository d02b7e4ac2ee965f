package org.streamframer.framing.reader;

/**
 * Receives a reader's events, all on the service's one delivery thread, in the order they
 * happened. A listener should return quickly; a slow one fills the service's queue (see
 * {@link OverflowPolicy}). An exception thrown here is caught and reported to the other listeners'
 * {@link #onError} as a {@link ListenerException}; it never stops the service.
 */
public interface ReaderListener {
    /** A received (RX) or sent (TX) frame. */
    default void onFrame(FrameEvent e) {
    }

    /** A framing, transport or listener error. */
    default void onError(ErrorEvent e) {
    }

    /** A connection state change. */
    default void onState(StateEvent e) {
    }
}
