package org.streamframer.framing.reader;

/** Which way a frame went. */
public enum Direction {
    /** Received from the peer, as the rule framed it. */
    RX,
    /** Sent to the peer with {@code ReaderService.send}. */
    TX
}
