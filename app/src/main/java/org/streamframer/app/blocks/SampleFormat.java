package org.streamframer.app.blocks;

/** How to read block data as samples. */
public enum SampleFormat {
    INT8(1, "int8"),
    UINT8(1, "uint8"),
    INT16(2, "int16"),
    UINT16(2, "uint16"),
    INT32(4, "int32"),
    FLOAT32(4, "float32"),
    FLOAT64(8, "float64");

    private final int size;
    private final String label;

    SampleFormat(int size, String label) {
        this.size = size;
        this.label = label;
    }

    /** Bytes per sample. */
    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return label;
    }
}
