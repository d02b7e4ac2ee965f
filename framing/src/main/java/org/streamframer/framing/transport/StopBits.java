package org.streamframer.framing.transport;

/** Serial stop bits. */
public enum StopBits {
    ONE("1"), ONE_POINT_FIVE("1.5"), TWO("2");

    private final String label;

    StopBits(String label) {
        this.label = label;
    }

    /** "1", "1.5" or "2", as in "8N1". */
    public String label() {
        return label;
    }
}
