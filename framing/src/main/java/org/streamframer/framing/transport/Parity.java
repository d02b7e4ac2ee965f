package org.streamframer.framing.transport;

/** Serial parity bit. */
public enum Parity {
    NONE, ODD, EVEN, MARK, SPACE;

    /** The letter used in "8N1" style descriptions. */
    public char letter() {
        return name().charAt(0);
    }
}
