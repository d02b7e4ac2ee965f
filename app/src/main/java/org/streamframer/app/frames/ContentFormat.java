package org.streamframer.app.frames;

/** How frame content is shown and copied. */
public enum ContentFormat {
    /** Printable ASCII with control bytes escaped: {@code 1.23\r\n}. */
    TEXT("Text"),
    /** Spaced hex: {@code 31 2E 32 33 0D 0A}. */
    HEX("Hex");

    private final String label;

    ContentFormat(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
