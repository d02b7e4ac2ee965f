package org.streamframer.framing.transport;

/** Serial stop bits. */
public enum StopBits {
    /** One stop bit. */
    ONE("1"),
    /** One and a half (POSIX systems apply two). */
    ONE_POINT_FIVE("1.5"),
    /** Two stop bits. */
    TWO("2");

    private final String label;

    StopBits(String label) {
        this.label = label;
    }

    /** "1", "1.5" or "2", as in "8N1". */
    public String label() {
        return label;
    }
}
