package org.streamframer.framing.scpi;

/** What ends a SCPI command (and, usually, the instrument's response): LF by default. */
public enum Terminator {
    /** Newline (0x0A), the SCPI default. */
    LF(new byte[] {'\n'}),
    /** Carriage return (0x0D). */
    CR(new byte[] {'\r'}),
    /** Carriage return, newline. */
    CRLF(new byte[] {'\r', '\n'}),
    /** Nothing appended (the command carries its own); responses are then read up to LF. */
    NONE(new byte[0]);

    private final byte[] bytes;

    Terminator(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The terminator's bytes (a copy; empty for NONE). */
    public byte[] bytes() {
        return bytes.clone();
    }
}
