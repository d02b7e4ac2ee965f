package org.streamframer.app.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects the response message to one program message: each query's answer is a unit, units
 * are separated by {@code ;} and the message ends with the terminator (IEEE 488.2 8.4).
 * A block unit is a definite-length arbitrary block:
 * <pre>
 *   #  4  1000  &lt;1000 data bytes&gt;
 *   |  |  |---- the data length, in n digits
 *   |  n: how many length digits follow (1-9)
 *   start of block
 * </pre>
 * Reused for every line of a client: {@link #reset()} keeps its array.
 */
final class ResponseBuilder {

    private static final byte[] SEPARATOR = {';'};

    private byte[] buf = new byte[256];
    private int len;
    private int units;

    void reset() {
        len = 0;
        units = 0;
    }

    boolean isEmpty() {
        return units == 0;
    }

    /** A text unit (ASCII). */
    void text(String s) {
        beginUnit();
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        put(b, 0, b.length);
    }

    /** A text unit given as its ASCII bytes. */
    void text(byte[] ascii) {
        beginUnit();
        put(ascii, 0, ascii.length);
    }

    /** A definite-length block unit around {@code data}. */
    void block(byte[] data) {
        beginUnit();
        byte[] header = header(data.length);
        put(header, 0, header.length);
        put(data, 0, data.length);
    }

    /** {@code #<n><length>} for a block of {@code length} bytes. */
    static byte[] header(int length) {
        String digits = Integer.toString(length);
        return ("#" + digits.length() + digits).getBytes(StandardCharsets.US_ASCII);
    }

    private void beginUnit() {
        if (units++ > 0) {
            put(SEPARATOR, 0, 1);
        }
    }

    /** Appends the terminator; the message is then {@link #array()}[0, {@link #length()}). */
    void terminate(byte[] terminator) {
        put(terminator, 0, terminator.length);
    }

    private void put(byte[] src, int off, int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
        }
        System.arraycopy(src, off, buf, len, n);
        len += n;
    }

    byte[] array() {
        return buf;
    }

    int length() {
        return len;
    }
}
