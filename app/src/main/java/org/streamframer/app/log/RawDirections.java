package org.streamframer.app.log;

import org.streamframer.framing.reader.Direction;

/** Which frames a raw-bytes session log records. */
public enum RawDirections {
    /** Received frames only: the instrument's stream as the rule framed it. */
    RX("Received (RX) only"),
    /** Sent frames only: the commands as they went out. */
    TX("Sent (TX) only"),
    /** Both directions, interleaved in the order they happened. */
    BOTH("Both directions");

    private final String label;

    RawDirections(String label) {
        this.label = label;
    }

    /** The one direction recorded, or null for both. */
    public Direction only() {
        return switch (this) {
            case RX -> Direction.RX;
            case TX -> Direction.TX;
            case BOTH -> null;
        };
    }

    /** For a menu: "Received (RX) only". */
    public String label() {
        return label;
    }
}
