package org.streamframer.framing.scpi;

/** What ends a SCPI command (and, usually, the instrument's response): LF by default. */
public enum Terminator {
    LF(new byte[] {'\n'}), CR(new byte[] {'\r'}), CRLF(new byte[] {'\r', '\n'}), NONE(new byte[0]);

    private final byte[] bytes;

    Terminator(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The terminator's bytes (a copy; empty for NONE). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether {@code a[off, off+len)} ends with this terminator (always true for NONE). */
    boolean endsWith(byte[] a, int off, int len) {
        int n = bytes.length;
        if (len < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (a[off + len - n + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
