package org.streamframer.framing.transport;

/** Serial flow control. */
public enum FlowControl {
    /** None: the line is never paused. */
    NONE,
    /** Hardware: RTS/CTS handshake lines. */
    RTS_CTS,
    /** Software: XON (0x11) / XOFF (0x13) bytes in both directions. */
    XON_XOFF
}
