package org.streamframer.framing.rules;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.ScanResult;

/**
 * Frames end at a delimiter: one or more byte sequences of any length (streamframer's
 * {@code until_delim}).
 *
 * <pre>
 *   delimiters "\r\n" and ";"
 *   bytes:          a  b  \r \n  c  ;  d  ;
 *   strip = true:   [ "ab"   ]   ["c"] ["d"]
 *   strip = false:  [ "ab\r\n"  ][ "c;" ][ "d;" ]
 *                           ^ consumed through each delimiter
 * </pre>
 *
 * <p><b>When several delimiters match, the shortest frame wins</b>: the frame ends at the
 * earliest position where any delimiter begins. When delimiters of different lengths begin at
 * the same position (say {@code "\r"} and {@code "\r\n"}), the longest wins; so that the outcome
 * does not depend on how the bytes are split into reads, a frame ending in {@code "\r"} is then
 * delivered only once the next byte shows that it is not {@code "\r\n"}. (For "LF, with an
 * optional CR before it", {@link LineRule} delivers without waiting.)
 *
 * <p>The maximum frame length applies to the frame as delivered (without the delimiter when it
 * is stripped, with it when it is kept).
 *
 * <p>Scanning is linear: bytes that cannot begin a delimiter are passed over once (word at a
 * time when all delimiters share their first byte); the rule resumes at the first position where
 * a delimiter could still be completing, so a byte is examined at most once plus the length of
 * the longest delimiter.
 */
public final class DelimiterRule implements FrameRule {

    /** The delimiters, longest first (copies). */
    private final byte[][] delimiters;
    /** Bit per byte value: can a delimiter begin with it? */
    private final long[] firstBytes = new long[4];
    /** All delimiters begin with this byte, when {@code sharedFirst} is true. */
    private final byte first;
    private final boolean sharedFirst;
    /** The single delimiter is one byte long: the tight single-byte scan. */
    private final boolean singleByte;
    private final boolean strip;
    private final int maxFrameLength;
    private final boolean failFast;

    /** One delimiter. */
    public DelimiterRule(byte[] delimiter, boolean strip, int maxFrameLength) {
        this(new byte[][] {Objects.requireNonNull(delimiter, "delimiter")}, strip, maxFrameLength, false);
    }

    /**
     * @param delimiters     one or more delimiters, each at least one byte, no two equal
     * @param strip          leave the delimiter out of the frame (it is consumed either way)
     * @param maxFrameLength the longest frame delivered; longer ones are reported once and skipped
     * @param failFast       report an over-long frame as soon as it passes the maximum, instead of
     *                       once its delimiter has been seen
     */
    public DelimiterRule(byte[][] delimiters, boolean strip, int maxFrameLength, boolean failFast) {
        Objects.requireNonNull(delimiters, "delimiters");
        if (delimiters.length == 0) {
            throw new IllegalArgumentException("delimiters is empty: give at least one delimiter");
        }
        byte[][] copies = new byte[delimiters.length][];
        for (int i = 0; i < delimiters.length; i++) {
            byte[] d = delimiters[i];
            if (d == null) {
                throw new NullPointerException("delimiters[" + i + "] is null");
            }
            if (d.length == 0) {
                throw new IllegalArgumentException("delimiters[" + i + "] is empty");
            }
            for (int j = 0; j < i; j++) {
                if (Arrays.equals(d, copies[j])) {
                    throw new IllegalArgumentException("delimiters[" + i + "] repeats delimiters[" + j
                            + "]: " + HexFormat.of().formatHex(d));
                }
            }
            copies[i] = d.clone();
        }
        Arrays.sort(copies, Comparator.comparingInt((byte[] d) -> d.length).reversed());
        this.delimiters = copies;
        boolean shared = true;
        for (byte[] d : copies) {
            int v = d[0] & 0xFF;
            firstBytes[v >>> 6] |= 1L << v;
            shared &= d[0] == copies[0][0];
        }
        this.first = copies[0][0];
        this.sharedFirst = shared;
        this.singleByte = copies.length == 1 && copies[0].length == 1;
        this.strip = strip;
        this.maxFrameLength = Checks.maxFrameLength(maxFrameLength);
        this.failFast = failFast;
    }

    @Override
    public void scan(FrameBuffer buffer, int from, ScanResult out) {
        if (singleByte) {
            SingleByteTerminator.scan(buffer, from, out, first, strip);
            return;
        }
        byte[] a = buffer.array();
        int end = buffer.end();
        for (int i = from; ; i++) {
            i = sharedFirst ? ByteSearch.indexOf(a, i, end, first) : nextCandidate(a, i, end);
            if (i < 0) {
                out.needMore(end);
                return;
            }
            for (byte[] d : delimiters) {
                int available = end - i;
                if (available >= d.length) {
                    if (Arrays.equals(a, i, i + d.length, d, 0, d.length)) {
                        out.frame(buffer.start(), strip ? i : i + d.length, i + d.length);
                        return;
                    }
                } else if (Arrays.equals(a, i, end, d, 0, available)) {
                    // d may be completing here, and it would win over any shorter match at i
                    out.needMore(i);
                    return;
                }
            }
        }
    }

    /** The first index in {@code [i, end)} whose byte can begin a delimiter, or -1. */
    private int nextCandidate(byte[] a, int i, int end) {
        long[] table = firstBytes;
        for (; i < end; i++) {
            int v = a[i] & 0xFF;
            if ((table[v >>> 6] & (1L << v)) != 0) {
                return i;
            }
        }
        return -1;
    }

    /** Copies of the delimiters, longest first. */
    public byte[][] delimiters() {
        byte[][] copies = new byte[delimiters.length][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = delimiters[i].clone();
        }
        return copies;
    }

    /** Whether the delimiter is left out of the frame. */
    public boolean strip() {
        return strip;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public boolean failFast() {
        return failFast;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DelimiterRule[");
        for (byte[] d : delimiters) {
            s.append(HexFormat.of().formatHex(d)).append(' ');
        }
        return s.append(strip ? "strip" : "keep").append(", max ").append(maxFrameLength)
                .append(failFast ? ", fail fast" : "").append(']').toString();
    }
}
