package org.streamframer.framing.rules;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.ScanResult;

/**
 * What SLIP and COBS share: a frame ends at one delimiter byte that never occurs inside an
 * encoded frame, and the encoded bytes are decoded in place (the decoded frame is never longer)
 * once the delimiter has been found.
 *
 * <pre>
 *   D D e e e e D e e D        D = delimiter, e = encoded byte
 *       |frame 1|   |-2-|
 *   empty frames (delimiters in a row) are dropped silently
 * </pre>
 *
 * <p>The maximum frame length bounds the frame as it arrives (encoded, without its delimiter),
 * which bounds both the decoded frame and the bytes held. A frame whose encoded form passes it is
 * reported as soon as its first byte past the maximum is seen, then dropped up to the next
 * delimiter.
 */
abstract sealed class DelimitedDecodingRule implements FrameRule permits SlipRule, CobsRule {

    private final byte delimiter;
    private final int maxFrameLength;

    DelimitedDecodingRule(byte delimiter, int maxFrameLength) {
        this.delimiter = delimiter;
        this.maxFrameLength = Checks.maxFrameLength(maxFrameLength);
    }

    /**
     * Decodes the encoded frame {@code a[from, to)} in place and answers
     * {@code out.frame(from, decodedEnd, consumeTo)}, or {@code out.corrupt(consumeTo, why)}.
     */
    abstract void decode(byte[] a, int from, int to, int consumeTo, ScanResult out);

    @Override
    public final void scan(FrameBuffer buffer, int from, ScanResult out) {
        byte[] a = buffer.array();
        int start = buffer.start();
        int end = buffer.end();
        boolean discarding = out.discarding();
        if (from == start && start < end && a[start] == delimiter) {
            if (discarding) {
                out.frame(start, start, start + 1); // the boundary of the frame being dropped
                return;
            }
            int k = start + 1;
            while (k < end && a[k] == delimiter) {
                k++;
            }
            out.skip(k);
            return;
        }
        // a byte at or past `limit` that is not the delimiter makes the encoded frame too long
        long limit = discarding ? Long.MAX_VALUE : (long) start + maxFrameLength;
        int stop = (int) Math.min(end, limit);
        int i = from < stop ? ByteSearch.indexOf(a, from, stop, delimiter) : -1;
        if (i < 0) {
            i = Math.max(from, stop);
        }
        boolean found = i < stop || (i < end && a[i] == delimiter);
        if (!found) {
            // i == end: wait for more; else a[i] lies past the maximum: too long, decided here
            out.needMore(i < end ? i + 1 : end);
            return;
        }
        if (discarding) {
            out.frame(start, i, i + 1);
            return;
        }
        decode(a, start, i, i + 1, out);
    }

    @Override
    public final int maxFrameLength() {
        return maxFrameLength;
    }

    static String hex(byte b) {
        return String.format("0x%02X", b & 0xFF);
    }
}
