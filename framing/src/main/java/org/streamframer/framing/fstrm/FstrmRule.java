package org.streamframer.framing.fstrm;

import org.streamframer.framing.CorruptFrameException;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.ScanResult;

/**
 * Frame Streams framing: data frames and control frames (dnstap's transport).
 *
 * <pre>
 * data frame                          control frame
 * +-----------+------------------+    +-------------+-----------+---------------------------+
 * |    LEN    |    LEN bytes     |    | 00 00 00 00 |   CLEN    | CLEN bytes: type, fields  |
 * +-----------+------------------+    +-------------+-----------+---------------------------+
 *  1 .. max    delivered (DATA)         escape        4 .. 512    delivered (CONTROL) + meta
 * </pre>
 *
 * All integers are big-endian unsigned 32-bit. A data frame is delivered as its payload, type
 * {@link ScanResult#TYPE_DATA}, no meta. A control frame is delivered as its CLEN bytes, type
 * {@link #TYPE_CONTROL}, with the decoded {@link ControlFrame} as {@code Frame.meta()} (and
 * {@code FrameBuffer.frameMeta()} on the allocation-free path): decoded once, here.
 * Either may be split anywhere across reads (inside the length, inside the escape).
 *
 * <h2>Errors (framing goes on after each)</h2>
 * <ul>
 *   <li>A data frame longer than {@link #maxFrameLength()} (default 1 MiB, as the C library's
 *       reader): {@code FrameTooLongException}; its bytes are dropped as they arrive, never
 *       held, however large LEN is.</li>
 *   <li>CLEN below 4 or above 512, an unknown control or field type, a content type over 256
 *       bytes or overrunning the frame, START with more than one content type, STOP or FINISH
 *       with any: {@code CorruptFrameException} saying which and the numbers. The control
 *       frame's declared CLEN bytes are skipped (the declared length is trusted for skipping,
 *       never for allocating), then framing resumes.</li>
 * </ul>
 *
 * <p>The rule frames; it does not police the order of frames (READY before START, ...): that is
 * the handshake's job ({@link FstrmReceiver}, {@link FstrmSender}, {@link FstrmFileReader}).
 */
public final class FstrmRule implements FrameRule {

    /** Frame type of control frames (data frames are {@link ScanResult#TYPE_DATA}). */
    public static final int TYPE_CONTROL = 1;
    /** The default data frame maximum: 1 MiB, as the C library's reader. */
    public static final int DEFAULT_MAX_DATA_LENGTH = 1024 * 1024;
    /** The largest data frame maximum this rule takes (so header plus frame fit an int). */
    public static final int MAX_DATA_LENGTH_LIMIT = Integer.MAX_VALUE - 16;

    private static final int LEN = 4;
    private static final int CONTROL_HEADER = 8;

    private final int maxDataLength;

    /** A rule with the default 1 MiB data frame maximum. */
    public FstrmRule() {
        this(DEFAULT_MAX_DATA_LENGTH);
    }

    /**
     * @param maxDataLength the longest data frame delivered; at least
     *                      {@value ControlFrame#MAX_LENGTH} (as in the C library, so the one
     *                      maximum covers control frames too)
     */
    public FstrmRule(int maxDataLength) {
        if (maxDataLength < ControlFrame.MAX_LENGTH || maxDataLength > MAX_DATA_LENGTH_LIMIT) {
            throw new IllegalArgumentException("maxDataLength " + maxDataLength + " is outside ["
                    + ControlFrame.MAX_LENGTH + ", " + MAX_DATA_LENGTH_LIMIT + "]");
        }
        this.maxDataLength = maxDataLength;
    }

    @Override
    public void scan(FrameBuffer buffer, int from, ScanResult out) {
        byte[] a = buffer.array();
        int s = buffer.start();
        int end = buffer.end();
        if (end - s < LEN) {
            out.needMore(s);
            return;
        }
        long len = u32(a, s);
        if (len != 0) {
            if (len > maxDataLength) {
                out.tooLong(len, s + LEN + len);
                return;
            }
            long frameEnd = s + LEN + len;
            if (frameEnd > end) {
                out.needMore(resume(s, LEN + len));
                return;
            }
            out.frame(s + LEN, (int) frameEnd, (int) frameEnd);
            return;
        }
        if (end - s < CONTROL_HEADER) {
            out.needMore(s);
            return;
        }
        long clen = u32(a, s + LEN);
        if (clen < ControlFrame.MIN_LENGTH) {
            out.corrupt(s + CONTROL_HEADER + clen,
                    "control frame length " + clen + " is below the minimum of " + ControlFrame.MIN_LENGTH);
            return;
        }
        if (clen > ControlFrame.MAX_LENGTH) {
            out.corrupt(s + CONTROL_HEADER + clen,
                    "control frame length " + clen + " exceeds the maximum of " + ControlFrame.MAX_LENGTH);
            return;
        }
        long frameEnd = s + CONTROL_HEADER + clen;
        if (frameEnd > end) {
            out.needMore(resume(s, CONTROL_HEADER + clen));
            return;
        }
        try {
            ControlFrame control = ControlFrame.decode(a, s + CONTROL_HEADER, (int) clen);
            out.frame(s + CONTROL_HEADER, (int) frameEnd, (int) frameEnd, TYPE_CONTROL, control);
        } catch (CorruptFrameException e) {
            out.corrupt(frameEnd, e.getMessage());
        }
    }

    /**
     * Where to resume when {@code needed} bytes from {@code start} make the frame: capped at the
     * maximum, since the buffer takes {@code resume - start} as a lower bound of the delivered
     * frame's length, which excludes the header.
     */
    private long resume(int start, long needed) {
        return start + Math.min(needed, maxDataLength);
    }

    /** The data frame maximum (control frames are at most 512 bytes, below it). */
    @Override
    public int maxFrameLength() {
        return maxDataLength;
    }

    @Override
    public String toString() {
        return "FstrmRule[maxDataLength=" + maxDataLength + "]";
    }

    /**
     * How many more bytes the frame at the start of {@code buffer} needs: to complete its length
     * (or escape and CLEN), then its body. 0 when a whole frame is buffered. The counterpart of
     * the Python {@code fstrm} codec's {@code pending_nb_bytes()}; this API does not need it to
     * read (a {@link FrameBuffer} reads whatever has arrived), but it is a read-size hint.
     * Meaningless while the buffer skips an over-long frame ({@code buffer.skipRemaining()}).
     */
    public static long pendingBytes(FrameBuffer buffer) {
        byte[] a = buffer.array();
        int s = buffer.start();
        long have = buffer.readable();
        if (have < LEN) {
            return LEN - have;
        }
        long len = u32(a, s);
        if (len != 0) {
            return Math.max(0, LEN + len - have);
        }
        if (have < CONTROL_HEADER) {
            return CONTROL_HEADER - have;
        }
        return Math.max(0, CONTROL_HEADER + u32(a, s + LEN) - have);
    }

    /** The big-endian unsigned 32-bit integer at {@code a[i]}. */
    static long u32(byte[] a, int i) {
        return ((a[i] & 0xFFL) << 24) | ((a[i + 1] & 0xFF) << 16) | ((a[i + 2] & 0xFF) << 8) | (a[i + 3] & 0xFF);
    }
}
