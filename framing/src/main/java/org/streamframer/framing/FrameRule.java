package org.streamframer.framing;

/**
 * Decides where frames begin and end in a {@link FrameBuffer}.
 *
 * <p>A rule is a small immutable object: it keeps no state between calls, so one instance
 * can frame any number of connections at once. Everything it must remember about a frame
 * that is still arriving is in the resume position it answers with.
 *
 * <h2>The contract</h2>
 * {@link #scan(FrameBuffer, int, ScanResult)} looks at the buffered bytes
 * {@code buffer.array()[buffer.start() .. buffer.end())}, starting its search at
 * {@code from} (never before {@code buffer.start()}), and answers exactly one of:
 * <ul>
 *   <li>{@link ScanResult#needMore(long) needMore(resume)}: no complete frame yet; when more
 *       bytes have arrived, call again with {@code from = resume}. Bytes in
 *       {@code [start, resume)} are known to belong to the frame being built, so
 *       {@code resume - start} is a lower bound of the frame's length (the buffer enforces
 *       the maximum with it). {@code resume} may lie past {@code end()} when the rule knows
 *       how many bytes it needs (a length field, an IEEE 488.2 block).</li>
 *   <li>{@link ScanResult#frame(int, int, int) frame(start, end, consumeTo)}: the frame is
 *       {@code [start, end)}; consuming it removes {@code [buffer.start(), consumeTo)}.
 *       A frame always consumes at least one byte and never more than is buffered.</li>
 *   <li>{@link ScanResult#corrupt(long, String) corrupt(skipTo, why)}: the bytes up to
 *       {@code skipTo} are bad; they are dropped and the error reported.
 *       {@link ScanResult#corruptUntilBoundary(String)} drops bytes until the rule next finds
 *       a frame boundary (asked with {@link ScanResult#discarding()} set).</li>
 *   <li>{@link ScanResult#tooLong(long, long) tooLong(length, skipTo)}: the rule read a length
 *       over its maximum; the frame is skipped without being buffered.</li>
 *   <li>{@link ScanResult#skip(int) skip(to)}: the bytes before {@code to} hold nothing (empty
 *       frames between delimiters); they are dropped silently.</li>
 * </ul>
 * A rule whose reading of a byte depends on what came before it in the frame (inside an
 * IEEE 488.2 indefinite block, say) answers {@link ScanResult#needMore(long, int)} with a small
 * state and reads it back from {@link FrameBuffer#scanState()} when called again, instead of
 * re-reading the frame from its start.
 *
 * <h2>Linear scanning</h2>
 * The resume position is what keeps scanning linear: a rule examines bytes from {@code from}
 * on (plus a bounded look-back, e.g. a delimiter's length minus one), so a frame that arrives
 * in many small reads has each byte examined a bounded number of times.
 *
 * <h2>Writing to the buffer</h2>
 * Rules that unescape (SLIP, COBS) may rewrite bytes in {@code [buffer.start(), end)} in
 * place, shrinking the frame, before answering {@code frame}. No other rule writes.
 */
public interface FrameRule {

    /**
     * Looks for the next frame. See the class documentation for the contract.
     *
     * @param buffer the bytes; read {@code buffer.array()} between {@code start()} and {@code end()}
     * @param from   where to resume the search; {@code buffer.start() <= from}, and
     *               {@code from} may be past {@code buffer.end()} if an earlier answer said so
     * @param out    where the answer goes; exactly one of its answer methods must be called
     */
    void scan(FrameBuffer buffer, int from, ScanResult out);

    /** The longest frame this rule delivers; longer frames are reported and skipped. */
    int maxFrameLength();

    /**
     * Whether an over-long frame is reported as soon as it passes the maximum (true), or once
     * its end has been found and its bytes discarded (false, the default).
     */
    default boolean failFast() {
        return false;
    }

    /**
     * How long a quiet line may last before the reader must ask the rule again even though no
     * byte arrived, in nanoseconds; 0 (the default) when only arriving bytes matter. Time-based
     * rules (idle gap) return their gap here.
     */
    default long idleTimeoutNanos() {
        return 0;
    }
}
