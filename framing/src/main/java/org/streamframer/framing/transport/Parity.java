package org.streamframer.framing.transport;

/** Serial parity bit. */
public enum Parity {
    /** No parity bit. */
    NONE,
    /** Odd parity. */
    ODD,
    /** Even parity. */
    EVEN,
    /** Parity bit always 1. */
    MARK,
    /** Parity bit always 0. */
    SPACE;

    /** The letter used in "8N1" style descriptions. */
    public char letter() {
        return name().charAt(0);
    }
}
