package org.streamframer.framing.rules;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.ScanResult;

/**
 * Lines ending in LF ({@code 0x0a}), optionally with a CR ({@code 0x0d}) before the LF
 * stripped too. The LF is never part of the frame.
 *
 * <pre>
 *   bytes:            a  b  c  \r \n  d  e  \n  \n
 *   stripCr = true:   [ "abc"     ]  [ "de" ]  [ "" ]
 *   stripCr = false:  [ "abc\r"   ]  [ "de" ]  [ "" ]
 *                                 ^ consumed through each LF
 * </pre>
 *
 * <p>A CR that ends one read and an LF that starts the next make one line end: the frame is
 * {@code "abc"}, with no stray CR and no empty frame. A CR anywhere else is an ordinary byte.
 * With {@code stripCr}, a trailing CR is not counted towards {@link #maxFrameLength()} while
 * the LF is awaited, so the outcome does not depend on where the reads split.
 *
 * <p>The search is word-at-a-time ({@link ByteSearch}) and resumes where it stopped: each byte
 * is examined once, however many reads a line takes (a trailing CR at most twice).
 */
public final class LineRule implements FrameRule {

    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final boolean stripCr;
    private final int maxFrameLength;
    private final boolean failFast;

    /**
     * @param stripCr        also strip a CR just before the LF
     * @param maxFrameLength the longest line delivered (without its line end); longer lines are
     *                       reported once and skipped
     */
    public LineRule(boolean stripCr, int maxFrameLength) {
        this(stripCr, maxFrameLength, false);
    }

    /**
     * @param failFast report an over-long line as soon as it passes the maximum, instead of once
     *                 its LF has been seen
     */
    public LineRule(boolean stripCr, int maxFrameLength, boolean failFast) {
        this.stripCr = stripCr;
        this.maxFrameLength = Checks.maxFrameLength(maxFrameLength);
        this.failFast = failFast;
    }

    @Override
    public void scan(FrameBuffer buffer, int from, ScanResult out) {
        if (!stripCr) {
            SingleByteTerminator.scan(buffer, from, out, LF, true);
            return;
        }
        byte[] a = buffer.array();
        int start = buffer.start();
        int end = buffer.end();
        int lf = ByteSearch.indexOf(a, from, end, LF);
        if (lf < 0) {
            // a CR at the very end may be the first half of CRLF: not (yet) part of the line
            out.needMore(end > from && a[end - 1] == CR ? end - 1 : end);
        } else {
            out.frame(start, lf > start && a[lf - 1] == CR ? lf - 1 : lf, lf + 1);
        }
    }

    /** Whether a CR just before the LF is stripped too. */
    public boolean stripCr() {
        return stripCr;
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
        return "LineRule[" + (stripCr ? "CR?LF" : "LF") + ", max " + maxFrameLength
                + (failFast ? ", fail fast" : "") + "]";
    }
}
