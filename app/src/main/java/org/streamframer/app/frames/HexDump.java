package org.streamframer.app.frames;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The classic hex dump of a byte array, as a list of lines each formatted when asked for (so a
 * list view of a 100 MB block formats only the rows on screen), and as one string for a frame's
 * detail pane ({@link #format}). A line of the default width:
 *
 * <pre>
 * 00000000  89 50 4E 47 0D 0A 1A 0A  00 00 00 0D 49 48 44 52  |.PNG........IHDR|
 * 00000010  2A 49 44 4E 3F 0A                                 |*IDN?.|
 * </pre>
 *
 * Offsets and bytes in upper-case hex (as the live table's hex column); printable ASCII as
 * itself, everything else as {@code .}; an extra space after the eighth byte of wider lines.
 */
public final class HexDump extends AbstractList<String> implements RandomAccess {

    /** Bytes per line by default. */
    public static final int WIDTH = 16;

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private final byte[] data;
    private final int width;

    /** Dumps {@code data} (not copied: do not change it afterwards), 16 bytes a line. */
    public HexDump(byte[] data) {
        this(data, WIDTH);
    }

    /** Dumps {@code data} with {@code width} bytes a line (8 fits a narrow pane). */
    public HexDump(byte[] data, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width < 1: " + width);
        }
        this.data = Objects.requireNonNull(data, "data");
        this.width = width;
    }

    /**
     * The dump of at most {@code maxBytes} of {@code bytes}, {@code width} a line, each line ended
     * by {@code \n}; a last line says how many bytes were left out.
     */
    public static String format(byte[] bytes, int maxBytes, int width) {
        int n = Math.max(0, Math.min(bytes.length, maxBytes));
        HexDump lines = new HexDump(n == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, n), width);
        StringBuilder sb = new StringBuilder(lines.size() * (lines.lineLength() + 1) + 32);
        char[] line = new char[lines.lineLength()];
        for (int i = 0; i < lines.size(); i++) {
            sb.append(line, 0, lines.fill(i, line)).append('\n');
        }
        if (bytes.length > n) {
            sb.append("... ").append(bytes.length - n).append(" more bytes\n");
        }
        return sb.toString();
    }

    /** {@link #format(byte[], int, int)} with 16 bytes a line. */
    public static String format(byte[] bytes, int maxBytes) {
        return format(bytes, maxBytes, WIDTH);
    }

    @Override
    public int size() {
        return (int) (((long) data.length + width - 1) / width);
    }

    @Override
    public String get(int line) {
        if (line < 0 || line >= size()) {
            throw new IndexOutOfBoundsException("line " + line + " of a " + size() + "-line dump");
        }
        char[] out = new char[lineLength()];
        return new String(out, 0, fill(line, out));
    }

    /** Characters of a full line: offset, two spaces, 3 a byte (+1 mid gap), space, |ascii|. */
    private int lineLength() {
        return 8 + 2 + 3 * width + (width > 8 ? 1 : 0) + 1 + 1 + width + 1;
    }

    /** Writes line {@code line} into {@code out}; returns its length. */
    private int fill(int line, char[] out) {
        int start = line * width;
        int end = Math.min(data.length, start + width);
        int p = 0;
        for (int shift = 28; shift >= 0; shift -= 4) {
            out[p++] = DIGITS[(start >>> shift) & 0xF];
        }
        out[p++] = ' ';
        out[p++] = ' ';
        for (int i = 0; i < width; i++) {
            if (start + i < end) {
                int b = data[start + i] & 0xFF;
                out[p++] = DIGITS[b >>> 4];
                out[p++] = DIGITS[b & 0xF];
            } else {
                out[p++] = ' ';
                out[p++] = ' ';
            }
            out[p++] = ' ';
            if (i == 7 && width > 8) {
                out[p++] = ' ';
            }
        }
        out[p++] = ' ';
        out[p++] = '|';
        for (int i = start; i < end; i++) {
            int c = data[i] & 0xFF;
            out[p++] = c >= 0x20 && c < 0x7F ? (char) c : '.';
        }
        out[p++] = '|';
        return p;
    }
}
