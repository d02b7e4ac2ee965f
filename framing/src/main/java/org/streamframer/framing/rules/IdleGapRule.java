package org.streamframer.framing.rules;

import java.time.Duration;
import java.util.Objects;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.ScanResult;

/**
 * Frames end when the line goes quiet (Modbus RTU style): no byte for at least the gap.
 *
 * <pre>
 *   time ---&gt;
 *   fills   [01 03]  [00 00 00 0A C5 CD]                [01 03 14 ...]
 *                 |--|                 |----------------|
 *                 under the gap          the gap or more
 *           |--------- frame 1 --------|                |-- frame 2 ...
 * </pre>
 *
 * <h2>When a frame ends</h2>
 * Time is the {@link FrameBuffer}'s clock, which stamps every fill (inject a fake one in tests).
 * Each scan answers by these two rules, first match wins:
 * <ol>
 *   <li>The latest fill came at least the gap after the fill before it
 *       ({@link FrameBuffer#lastFillNanos()} − {@link FrameBuffer#previousFillNanos()}), and bytes
 *       from before it are buffered: those bytes, up to {@link FrameBuffer#lastFillStart()}, are a
 *       frame. The new bytes begin the next one.</li>
 *   <li>At least the gap has passed since the latest fill ({@link FrameBuffer#nanoTime()} −
 *       {@link FrameBuffer#lastFillNanos()}): all buffered bytes, up to {@code end()}, are a
 *       frame. This is how the last frame before a silence comes out: the reader asks again when a
 *       read times out, after {@link #idleTimeoutNanos()}.</li>
 * </ol>
 * A gap exactly as long as the configured one ends a frame. The rule sees only the latest two
 * fill times, so it must be asked after every fill (as the reader service and
 * {@link FrameBuffer#next} loops do); bytes of fills that were never followed by a scan cannot
 * be told apart and join one frame. A frame is therefore a function of the fill times only:
 * splitting a burst into several fills closer together than the gap, or asking at extra times,
 * gives the same frames.
 *
 * <h2>Gap from serial settings</h2>
 * {@link #forBaud(int, int)}: 3.5 character times at 11 bits a character (start, 8 data, parity
 * or a second stop bit, stop), and a fixed 1.75 ms above 19200 baud, as the Modbus serial line
 * specification says.
 *
 * <h2>Over-long frames</h2>
 * Bytes before the latest fill count towards the maximum while a frame grows; a frame past the
 * maximum is reported once it ends (at the gap) as a
 * {@link org.streamframer.framing.FrameTooLongException}, and meanwhile only the latest fill's
 * bytes are held.
 *
 * <p>Immutable and thread-safe.
 */
public final class IdleGapRule implements FrameRule {

    /** The gap above 19200 baud: 1.75 ms. */
    public static final long FAST_LINE_GAP_NANOS = 1_750_000;
    /** Above this baud rate the gap is {@link #FAST_LINE_GAP_NANOS}. */
    public static final int FAST_LINE_BAUD = 19_200;
    /** Bits a character takes on the line, for the gap of {@link #forBaud}. */
    public static final int BITS_PER_CHARACTER = 11;

    private final long gapNanos;
    private final int maxFrameLength;

    /**
     * @param gap            how long the line must be quiet to end a frame; positive
     * @param maxFrameLength the longest frame delivered, in bytes
     */
    public IdleGapRule(Duration gap, int maxFrameLength) {
        Objects.requireNonNull(gap, "gap");
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("gap must be positive: " + gap);
        }
        Checks.maxFrameLength(maxFrameLength);
        try {
            this.gapNanos = gap.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("gap too long to count in nanoseconds: " + gap, e);
        }
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * The Modbus RTU rule for a serial line at {@code baud}: a gap of
     * {@link #gapNanosForBaud(int) 3.5 character times}, 1.75 ms above 19200 baud.
     */
    public static IdleGapRule forBaud(int baud, int maxFrameLength) {
        return new IdleGapRule(Duration.ofNanos(gapNanosForBaud(baud)), maxFrameLength);
    }

    /**
     * 3.5 character times of {@link #BITS_PER_CHARACTER} bits at {@code baud}, rounded up to the
     * nanosecond (4,010,417 ns at 9600 baud); {@link #FAST_LINE_GAP_NANOS} above
     * {@link #FAST_LINE_BAUD}.
     */
    public static long gapNanosForBaud(int baud) {
        if (baud < 1) {
            throw new IllegalArgumentException("baud < 1: " + baud);
        }
        if (baud > FAST_LINE_BAUD) {
            return FAST_LINE_GAP_NANOS;
        }
        long sevenHalvesBitsTimesNanos = 7L * BITS_PER_CHARACTER * 1_000_000_000L; // 3.5 = 7 / 2
        long divisor = 2L * baud;
        return (sevenHalvesBitsTimesNanos + divisor - 1) / divisor;
    }

    public Duration gap() {
        return Duration.ofNanos(gapNanos);
    }

    /** The gap: the reader must ask again after this long without bytes. */
    @Override
    public long idleTimeoutNanos() {
        return gapNanos;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public void scan(FrameBuffer buffer, int from, ScanResult out) {
        int start = buffer.start();
        int end = buffer.end();
        if (start == end) {
            out.needMore(from);
            return;
        }
        int fillStart = buffer.lastFillStart();
        long lastFill = buffer.lastFillNanos();
        if (fillStart > start && lastFill - buffer.previousFillNanos() >= gapNanos) {
            out.frame(start, fillStart, fillStart);
            return;
        }
        if (buffer.nanoTime() - lastFill >= gapNanos) {
            out.frame(start, end, end);
            return;
        }
        // the bytes before the latest fill belong to this frame. Resuming at the fill, not at end(),
        // keeps the latest fill's bytes while an over-long frame is dropped, so that a gap after
        // them still has a byte to end the dropped frame with
        out.needMore(Math.max(from, fillStart));
    }

    @Override
    public String toString() {
        return "IdleGapRule[gap " + gapNanos + " ns, max " + maxFrameLength + "]";
    }
}
