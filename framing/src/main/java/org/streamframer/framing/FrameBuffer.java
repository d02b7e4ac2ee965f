package org.streamframer.framing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One growable byte region that keeps bytes across reads until they are consumed
 * (the descendant of streamframer's {@code BufferManager}).
 *
 * <pre>
 *   0          start            scan               end            capacity
 *   | consumed |  unconsumed bytes (frame being built) | free space |
 *              |&lt;-- examined ----&gt;|&lt;-- new bytes ---&gt;|
 * </pre>
 *
 * <ul>
 *   <li>{@code start}: the first byte not yet consumed; every frame starts at or after it.</li>
 *   <li>{@code end}: one past the last byte written; new bytes go there.</li>
 *   <li>{@code scan}: where the rule resumes its search, so no byte is examined twice
 *       while a frame grows.</li>
 * </ul>
 *
 * <p>Bytes are written by {@link #append}, {@link #readFrom(ReadableByteChannel)} or
 * {@link #readFrom(InputStream)} and removed only when a {@link Frame} is consumed (or when a
 * framing error drops them). Space is reclaimed lazily: the unconsumed bytes are moved to the
 * front when the free space at the end is too small, or before a fill when they are few (a
 * quarter of an append, an eighth of the capacity before a read: the start of a partial frame),
 * and the region doubles, up to {@link #maxCapacity()}, only when moving is not enough.
 *
 * <p>While a frame is alive (returned by {@link #next} and not yet consumed), the buffer
 * refuses anything that would move or overwrite its bytes (compacting, growing, clearing):
 * such calls throw {@link IllegalStateException}. Appending into free space is allowed.
 *
 * <p>When the stream ends, {@link #endOfStream()} reports what can no longer become a frame (a
 * {@link PartialFrameException} with its bytes) and resets the buffer for the next stream.
 *
 * <p>Not thread-safe: one thread reads, frames and consumes.
 */
public final class FrameBuffer {

    public static final int DEFAULT_INITIAL_CAPACITY = 8 * 1024;
    public static final int DEFAULT_MAX_CAPACITY = 16 * 1024 * 1024;
    /** A read asks for at least this much free space (or all that the maximum leaves). */
    static final int MIN_READ = 2048;

    /** The bytes; {@code [start, end)} is unconsumed. */
    private byte[] data;
    /** A ByteBuffer over {@code data} for channel reads, re-made only when {@code data} changes. */
    private ByteBuffer dataView;
    /** First unconsumed byte. */
    private int start;
    /** One past the last written byte. */
    private int end;
    /** Where the current rule resumes scanning; may exceed {@code end} (a known length). */
    private long scan;
    /** What the rule noted about {@code scan} with its last needMore (e.g. "inside a block"); 0 at a frame's start. */
    private int scanState;
    private final int maxCapacity;
    private final LongSupplier clock;

    /** Time of the latest fill, the one before it, and where the latest fill's bytes begin. */
    private long lastFillNanos;
    private long previousFillNanos;
    private int lastFillStart;

    private final ScanResult result = new ScanResult();
    /** The rule the scan position belongs to; another rule starts over at {@code start}. */
    private FrameRule lastRule;

    /** Frames handed out so far; the live frame's id, or 0 when none is alive. */
    private long frameCount;
    private long liveId;
    private int liveStart;
    private int liveEnd;
    private int liveConsumeTo;
    private int liveType;
    private Object liveMeta;

    /** Dropping bytes until the rule next finds a boundary (after an error or an over-long frame). */
    private boolean discarding;
    /** While discarding: report an over-long frame when its end is found (not fail-fast). */
    private boolean reportTooLongAtBoundary;
    /** Bytes dropped since discarding began, for the report. */
    private long discarded;
    /** Bytes still to drop as they arrive (a known-length frame being skipped). */
    private long skipRemaining;

    public FrameBuffer() {
        this(DEFAULT_INITIAL_CAPACITY, DEFAULT_MAX_CAPACITY);
    }

    public FrameBuffer(int initialCapacity, int maxCapacity) {
        this(initialCapacity, maxCapacity, System::nanoTime);
    }

    /**
     * @param initialCapacity bytes allocated at first
     * @param maxCapacity     the buffer never grows past this
     * @param clock           nanosecond clock stamping each fill (time-based rules read it)
     */
    public FrameBuffer(int initialCapacity, int maxCapacity, LongSupplier clock) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initialCapacity < 1: " + initialCapacity);
        }
        if (maxCapacity < initialCapacity) {
            throw new IllegalArgumentException(
                    "maxCapacity (" + maxCapacity + ") < initialCapacity (" + initialCapacity + ")");
        }
        this.data = new byte[initialCapacity];
        this.maxCapacity = maxCapacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- state for rules

    /**
     * The backing array. Rules read {@code [start(), end())}; unescaping rules may rewrite it in
     * place. Consumers must treat it as read-only. Only valid until the next fill.
     */
    public byte[] array() {
        return data;
    }

    /** The first unconsumed byte's index in {@link #array()}. */
    public int start() {
        return start;
    }

    /** One past the last buffered byte's index in {@link #array()}. */
    public int end() {
        return end;
    }

    /** Unconsumed bytes. */
    public int readable() {
        return end - start;
    }

    public int capacity() {
        return data.length;
    }

    public int maxCapacity() {
        return maxCapacity;
    }

    /** Now, on the buffer's clock. */
    public long nanoTime() {
        return clock.getAsLong();
    }

    /** When the latest bytes were written (buffer clock), 0 before any. */
    public long lastFillNanos() {
        return lastFillNanos;
    }

    /** When the bytes before the latest fill were written (buffer clock), 0 if none. */
    public long previousFillNanos() {
        return previousFillNanos;
    }

    /** Index in {@link #array()} where the latest fill's bytes begin. */
    public int lastFillStart() {
        return lastFillStart;
    }

    /** The scan position the next {@link #next} call resumes from. */
    public long scanPosition() {
        return scan;
    }

    /**
     * The state the rule gave with its last {@link ScanResult#needMore(long, int)} for the scan
     * position it is now called from; 0 whenever scanning starts over at a frame's beginning.
     * Rules whose meaning of a byte depends on what came before (inside an IEEE 488.2
     * indefinite block, say) read it so they can resume without re-reading the frame.
     */
    public int scanState() {
        return scanState;
    }

    /** Frames delivered so far (the live one included). */
    public long frameCount() {
        return frameCount;
    }

    // ---------------------------------------------------------------- writing

    /** Appends bytes; they persist until consumed. */
    public void append(byte[] src) throws BufferFullException {
        append(src, 0, src.length);
    }

    /** Appends {@code length} bytes of {@code src} from {@code offset}. */
    public void append(byte[] src, int offset, int length) throws BufferFullException {
        Objects.checkFromIndexSize(offset, length, src.length);
        if (length == 0) {
            return;
        }
        compactIfCheap(length >>> 2);
        ensureWritable(length);
        System.arraycopy(src, offset, data, end, length);
        filled(length);
    }

    /** Appends the remaining bytes of {@code src}, advancing its position. */
    public void append(ByteBuffer src) throws BufferFullException {
        int length = src.remaining();
        if (length == 0) {
            return;
        }
        compactIfCheap(length >>> 2);
        ensureWritable(length);
        src.get(data, end, length);
        filled(length);
    }

    /**
     * Reads once from {@code channel} into the free space, making room first if little is left.
     *
     * @return bytes read, 0 if none (a non-blocking channel), -1 at end of stream
     */
    public int readFrom(ReadableByteChannel channel) throws IOException {
        ensureReadRoom();
        ByteBuffer view = dataView;
        if (view == null || view.array() != data) {
            view = dataView = ByteBuffer.wrap(data);
        }
        view.limit(data.length).position(end);
        int n = channel.read(view);
        if (n > 0) {
            filled(n);
        }
        return n;
    }

    /**
     * Reads once from {@code in} into the free space (blocking as {@code in} does).
     *
     * @return bytes read, -1 at end of stream
     */
    public int readFrom(InputStream in) throws IOException {
        ensureReadRoom();
        int n = in.read(data, end, data.length - end);
        if (n > 0) {
            filled(n);
        }
        return n;
    }

    private void filled(int n) {
        previousFillNanos = lastFillNanos;
        lastFillNanos = clock.getAsLong();
        lastFillStart = end;
        end += n;
    }

    private void ensureReadRoom() throws BufferFullException {
        compactIfCheap(data.length >>> 3);
        int free = data.length - end;
        if (free >= MIN_READ) {
            return;
        }
        int want = Math.min(MIN_READ, maxCapacity - readable());
        if (want <= 0) {
            throw full(1);
        }
        if (free < want) {
            ensureWritable(want);
        }
    }

    /**
     * Makes room for {@code n} more bytes at the end: compacts (moves the unconsumed bytes to
     * the front) if that is enough, else grows. Refuses while a frame is alive, since both move
     * its bytes.
     */
    public void ensureWritable(int n) throws BufferFullException {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0: " + n);
        }
        if (data.length - end >= n) {
            return;
        }
        int readable = end - start;
        if ((long) readable + n > maxCapacity) {
            throw full(n);
        }
        requireNoLiveFrame("make room for " + n + " bytes");
        if (readable + n <= data.length) {
            compact();
        } else {
            int newCapacity = (int) Math.min(maxCapacity,
                    Math.max((long) readable + n, 2L * data.length));
            byte[] grown = new byte[newCapacity];
            System.arraycopy(data, start, grown, 0, readable);
            shift(start);
            data = grown;
        }
    }

    /**
     * Moves the unconsumed bytes to the front before a fill when there are at most {@code few} of
     * them (typically the start of one partial frame) and no frame is alive: fills then keep
     * landing in the same, cache-warm part of the array instead of sliding through all of it, and
     * a read gets the whole free space. Moving those few bytes costs less than the cache misses.
     */
    private void compactIfCheap(int few) {
        if (start != 0 && end - start <= few && liveId == 0) {
            compact();
        }
    }

    private BufferFullException full(int n) {
        return new BufferFullException("buffer full: " + readable() + " bytes unconsumed, "
                + n + " more do not fit in the maximum of " + maxCapacity + " bytes");
    }

    private void compact() {
        if (start == 0) {
            return;
        }
        System.arraycopy(data, start, data, 0, end - start);
        shift(start);
    }

    /** Moves every index down by {@code by} (the bytes moved to the front). */
    private void shift(int by) {
        end -= by;
        scan -= by;
        lastFillStart = Math.max(0, lastFillStart - by);
        start -= by;
    }

    /** Drops every unconsumed byte and any framing state (e.g. after a disconnect). */
    public void clear() {
        requireNoLiveFrame("clear the buffer");
        start = end = 0;
        scan = 0;
        lastFillStart = 0;
        resetFramingState();
    }

    private void resetFramingState() {
        scanState = 0;
        discarding = false;
        reportTooLongAtBoundary = false;
        discarded = 0;
        skipRemaining = 0;
    }

    private void requireNoLiveFrame(String action) {
        if (liveId != 0) {
            throw new IllegalStateException("cannot " + action + ": frame #" + liveId + " at ["
                    + liveStart + ", " + liveEnd + ") is still alive and would be moved or overwritten;"
                    + " consume() it first");
        }
    }

    // ---------------------------------------------------------------- framing

    /**
     * The next complete frame under {@code rule}, or {@code null} if the buffered bytes do not
     * hold one yet. The frame is a view into this buffer, valid until {@link Frame#consume()}.
     *
     * @throws FramingException  a bad or over-long frame; its bytes have been dropped (or will
     *                           be as they arrive), so the next call goes on with what follows
     * @throws IllegalStateException if the previous frame is still alive
     */
    public Frame next(FrameRule rule) throws FramingException {
        return advance(rule) ? liveFrame() : null;
    }

    /** A {@link Frame} for the live frame (after {@link #advance} answered true). */
    Frame liveFrame() {
        requireLive();
        return new Frame(this, liveId);
    }

    /**
     * The allocation-free form of {@link #next}: finds the next frame and makes it the live
     * frame without creating a {@link Frame} object. Read it through {@link #frameStart()},
     * {@link #frameEnd()} and {@link #array()}, then call {@link #consumeFrame()}.
     *
     * @return true if a frame is now live
     */
    public boolean advance(FrameRule rule) throws FramingException {
        // the hot path (a frame found by the same rule, nothing being skipped) stays small enough
        // for the JIT to inline; everything else is in the methods it calls
        if ((liveId != 0 || rule != lastRule || skipRemaining > 0) && !prepare(rule)) {
            return false;
        }
        ScanResult r = result;
        while (true) {
            if (scan < start) {
                scan = start;
                scanState = 0;
            }
            if (scan > end) {
                return false;
            }
            r.reset(discarding);
            rule.scan(this, (int) scan, r);
            if (r.kind == ScanResult.Kind.FRAME) {
                if (frameFound(rule, r)) {
                    return true;
                }
            } else if (!otherAnswer(rule, r)) {
                return false;
            }
        }
    }

    /**
     * The checks before a scan: refuses while a frame is alive, starts over for another rule.
     *
     * @return false while a known-length skip is still waiting for its bytes
     */
    private boolean prepare(FrameRule rule) {
        if (liveId != 0) {
            throw new IllegalStateException("frame #" + liveId
                    + " is still alive: consume() it before asking for the next frame");
        }
        if (rule != lastRule) {
            if (rule == null) {
                throw new NullPointerException("rule");
            }
            lastRule = rule;
            scan = start;
            resetFramingState();
        }
        return skipRemaining == 0 || skipArrived();
    }

    /** Handles every answer but a frame; true if the loop should scan again. */
    private boolean otherAnswer(FrameRule rule, ScanResult r) throws FramingException {
        switch (r.kind) {
            case NEED_MORE:
                return needMore(rule, r.resume, r.state);
            case SKIP:
                if (r.consumeTo <= start || r.consumeTo > end) {
                    throw new IllegalStateException(rule + " answered skip(" + r.consumeTo
                            + ") outside the buffered bytes (" + start + ", " + end + "]");
                }
                if (discarding) {
                    discarded += r.consumeTo - start;
                }
                start = (int) r.consumeTo;
                scan = start;
                scanState = 0;
                return true;
            case CORRUPT:
                checkSkip(rule, r.consumeTo);
                drop(r.consumeTo);
                throw new CorruptFrameException(r.takeMessage());
            case CORRUPT_UNTIL_BOUNDARY:
                discarding = true;
                reportTooLongAtBoundary = false;
                discarded = 0;
                throw new CorruptFrameException(r.takeMessage());
            case TOO_LONG:
                checkSkip(rule, r.consumeTo);
                drop(r.consumeTo);
                throw new FrameTooLongException(r.length, rule.maxFrameLength(), true);
            default:
                throw new IllegalStateException(rule + " answered nothing from scan()");
        }
    }

    /** Handles "need more"; true if the loop should scan again (never for a well-behaved rule). */
    private boolean needMore(FrameRule rule, long resume, int state) throws FramingException {
        if (resume < scan) {
            throw new IllegalStateException(rule + " answered needMore(" + resume
                    + ") behind its scan position " + scan + ": scanning would not be linear");
        }
        scan = resume;
        scanState = state;
        long known = resume - start;
        if (discarding) {
            // bytes before the resume position cannot begin the boundary: drop them now
            dropBefore(resume);
            return false;
        }
        if (known > rule.maxFrameLength()) {
            // over-long and its end not in sight: drop what we have, discard until the boundary
            long seen = Math.min(resume, end) - start;
            discarding = true;
            discarded = 0;
            dropBefore(resume);
            if (rule.failFast()) {
                reportTooLongAtBoundary = false;
                throw new FrameTooLongException(Math.max(known, seen), rule.maxFrameLength(), false);
            }
            reportTooLongAtBoundary = true;
            // a rule may stop at the byte that made the frame too long: the boundary may be buffered
            return resume < end;
        }
        return false;
    }

    /**
     * While discarding: drops the bytes before {@code resume}; those not arrived yet (a block of
     * known length being skipped) are dropped as they arrive, never held.
     */
    private void dropBefore(long resume) {
        int dropTo = (int) Math.min(resume, end);
        discarded += dropTo - start;
        start = dropTo;
        if (resume > end) {
            skipRemaining = resume - end;
        }
    }

    /** Handles a frame answer; true if it became the live frame, false if it was dropped. */
    private boolean frameFound(FrameRule rule, ScanResult r) throws FramingException {
        int fs = r.frameStart;
        int fe = r.frameEnd;
        long to = r.consumeTo;
        if (to <= start || to > end || fs < start || fe < fs || fe > end) {
            throw new IllegalStateException(rule + " answered frame(" + fs + ", " + fe + ", " + to
                    + ") outside the buffered bytes [" + start + ", " + end
                    + ") or without consuming anything");
        }
        if (discarding || fe - fs > rule.maxFrameLength()) {
            return dropFrame(rule, fs, fe, (int) to);
        }
        liveId = ++frameCount;
        liveStart = fs;
        liveEnd = fe;
        liveConsumeTo = (int) to;
        liveType = r.type;
        Object meta = r.meta;
        if (meta != null) {
            // liveMeta is null whenever no frame is alive: store (and clear the slot) only when needed
            liveMeta = meta;
            r.meta = null;
        }
        return true;
    }

    /**
     * Drops a frame the rule found: the end of one being discarded (reported now if it was
     * over-long and not yet reported), or one over the maximum.
     *
     * @return false (the frame was dropped silently, scan on)
     * @throws FrameTooLongException when the dropped frame is to be reported
     */
    private boolean dropFrame(FrameRule rule, int fs, int fe, int to) throws FrameTooLongException {
        if (discarding) {
            // the frame's length as it would have been delivered (so the number does not depend
            // on where the reads split)
            long total = discarded + (fe - start);
            boolean report = reportTooLongAtBoundary;
            discarding = false;
            reportTooLongAtBoundary = false;
            discarded = 0;
            start = to;
            scan = start;
            scanState = 0;
            if (report) {
                throw new FrameTooLongException(total, rule.maxFrameLength(), true);
            }
            return false;
        }
        start = to;
        scan = start;
        scanState = 0;
        throw new FrameTooLongException(fe - fs, rule.maxFrameLength(), true);
    }

    private void checkSkip(FrameRule rule, long skipTo) {
        if (skipTo <= start) {
            throw new IllegalStateException(rule + " reported an error at " + skipTo
                    + " without skipping any byte (start " + start + ")");
        }
    }

    /** Drops bytes up to {@code to}; bytes past the buffered end are dropped as they arrive. */
    private void drop(long to) {
        if (to > end) {
            skipRemaining = to - end;
            start = end;
        } else {
            start = (int) to;
        }
        scan = start;
        scanState = 0;
        discarding = false;
        discarded = 0;
    }

    /** Drops arrived bytes of a known-length skip; true once the skip is complete. */
    private boolean skipArrived() {
        int n = (int) Math.min(skipRemaining, end - start);
        start += n;
        if (scan < start) {
            scan = start;
        }
        if (discarding) {
            discarded += n;
        }
        skipRemaining -= n;
        return skipRemaining == 0;
    }

    /** Bytes of a skipped frame still expected (they will be dropped as they arrive). */
    public long skipRemaining() {
        return skipRemaining;
    }

    /** True while the rest of a bad or over-long frame is being dropped. */
    public boolean isDiscarding() {
        return discarding || skipRemaining > 0;
    }

    // ---------------------------------------------------------------- the live frame

    /** Whether a frame is alive (handed out and not yet consumed). */
    public boolean hasLiveFrame() {
        return liveId != 0;
    }

    /** The live frame's first byte in {@link #array()}. */
    public int frameStart() {
        requireLive();
        return liveStart;
    }

    /** One past the live frame's last byte in {@link #array()}. */
    public int frameEnd() {
        requireLive();
        return liveEnd;
    }

    /** The live frame's rule-defined type ({@link ScanResult#TYPE_DATA} for data). */
    public int frameType() {
        requireLive();
        return liveType;
    }

    /** The live frame's metadata as the rule gave it (null for most rules). */
    public Object frameMeta() {
        requireLive();
        return liveMeta;
    }

    /** Consumes the live frame: its bytes (and any before {@code consumeTo}) are released. */
    public void consumeFrame() {
        requireLive();
        release(liveId);
    }

    private void requireLive() {
        if (liveId == 0) {
            throw new IllegalStateException("no live frame");
        }
    }

    /**
     * The unconsumed bytes as a copy, for reporting a partial frame at end of stream, and drops
     * them. Null when nothing is buffered.
     */
    public byte[] takeRemainder() {
        requireNoLiveFrame("take the remainder");
        if (end == start) {
            return null;
        }
        byte[] copy = java.util.Arrays.copyOfRange(data, start, end);
        start = end;
        scan = start;
        resetFramingState();
        return copy;
    }

    /**
     * Ends framing at the end of the stream (or a disconnect): what is still buffered can no
     * longer become a frame. Call it once {@link #next} has returned null after the last read.
     * Afterwards the buffer is empty and its framing state reset, ready for another stream.
     *
     * <p>Bytes of a frame that was already reported as bad or over-long and was being skipped
     * are dropped without a second report.
     *
     * @throws PartialFrameException if a frame had begun but not ended; it carries a copy of the
     *                               bytes, which are dropped from the buffer
     * @throws FrameTooLongException if an over-long frame was being discarded and its end (which
     *                               would have reported it) never came; its length is then a
     *                               lower bound
     * @throws IllegalStateException if a frame is alive
     */
    public void endOfStream() throws FramingException {
        requireNoLiveFrame("end the stream");
        boolean tooLongUnreported = discarding && reportTooLongAtBoundary;
        boolean skipping = discarding || skipRemaining > 0;
        long seen = discarded + (end - start);
        byte[] partial = skipping || end == start ? null : java.util.Arrays.copyOfRange(data, start, end);
        start = end = 0;
        scan = 0;
        lastFillStart = 0;
        resetFramingState();
        if (tooLongUnreported) {
            throw new FrameTooLongException(seen, lastRule.maxFrameLength(), false);
        }
        if (partial != null) {
            throw new PartialFrameException(partial);
        }
    }

    // package-private access for Frame

    boolean isLive(long id) {
        return id == liveId;
    }

    void checkLive(long id) {
        if (id != liveId) {
            throw new IllegalStateException("frame #" + id + " was consumed; its bytes may already be"
                    + " overwritten (copy them with bytes() before consume() to keep them)");
        }
    }

    int liveStart() {
        return liveStart;
    }

    int liveEnd() {
        return liveEnd;
    }

    int liveType() {
        return liveType;
    }

    Object liveMeta() {
        return liveMeta;
    }

    void release(long id) {
        if (id != liveId) {
            return; // a second consume() is harmless
        }
        liveId = 0;
        if (liveMeta != null) {
            liveMeta = null;
        }
        start = liveConsumeTo;
        scan = start;
        scanState = 0;
        if (start == end) {
            // nothing left: reset to the front for free (no bytes move)
            lastFillStart = 0;
            scan = 0;
            start = end = 0;
        }
    }

    @Override
    public String toString() {
        return "FrameBuffer[start=" + start + ", end=" + end + ", scan=" + scan + ", capacity="
                + data.length + "/" + maxCapacity + (liveId != 0 ? ", live frame #" + liveId : "") + "]";
    }
}
