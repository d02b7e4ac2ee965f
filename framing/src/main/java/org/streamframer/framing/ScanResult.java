package org.streamframer.framing;

/**
 * The answer slot a {@link FrameRule} writes into. One instance belongs to each
 * {@link FrameBuffer} and is reused for every scan, so answering allocates nothing.
 * A rule calls exactly one answer method per scan.
 */
public final class ScanResult {

    enum Kind { NONE, NEED_MORE, FRAME, SKIP, CORRUPT, CORRUPT_UNTIL_BOUNDARY, TOO_LONG }

    /** Frame type for ordinary data frames. Rules with several kinds of frame define others. */
    public static final int TYPE_DATA = 0;

    Kind kind = Kind.NONE;
    /** needMore: where to resume. */
    long resume;
    /** needMore: the rule's note about the resume position ({@link FrameBuffer#scanState()}). */
    int state;
    /** frame: the frame's bounds. */
    int frameStart;
    int frameEnd;
    /** frame, corrupt, tooLong: the end of the bytes to remove; may exceed end() for a skip. */
    long consumeTo;
    int type;
    Object meta;
    String message;
    long length;
    boolean discarding;

    ScanResult() {
    }

    /**
     * Readies the slot for the next scan. Only the kind is cleared: every answer sets the fields
     * its kind is read with (a frame its type and meta, an error its message), so the hot path
     * writes no more than it must.
     */
    void reset(boolean discarding) {
        kind = Kind.NONE;
        this.discarding = discarding;
    }

    /** The error message of a corrupt answer, cleared so the slot holds no reference. */
    String takeMessage() {
        String why = message;
        message = null;
        return why;
    }

    /**
     * True while the buffer is dropping the rest of a bad or over-long frame: the rule should
     * only look for the next frame boundary (e.g. a terminator), not parse what is in between.
     * The frame it then answers is dropped, not delivered.
     */
    public boolean discarding() {
        return discarding;
    }

    /** No complete frame yet; scan again from {@code resume} when more bytes arrive. */
    public void needMore(long resume) {
        needMore(resume, 0);
    }

    /**
     * No complete frame yet; scan again from {@code resume}, where the rule will find
     * {@code state} in {@link FrameBuffer#scanState()} (a rule-defined note about the resume
     * position, e.g. "inside an indefinite block"; 0 means what a frame's start means).
     */
    public void needMore(long resume, int state) {
        kind = Kind.NEED_MORE;
        this.resume = resume;
        this.state = state;
    }

    /**
     * The bytes before {@code to} hold no frame and no error (e.g. the empty frames between two
     * SLIP ENDs): drop them silently and scan on from {@code to}. {@code to} lies past
     * {@code buffer.start()} and within the buffered bytes.
     */
    public void skip(int to) {
        kind = Kind.SKIP;
        this.consumeTo = to;
    }

    /** A data frame {@code [start, end)}; consuming it removes the bytes before {@code consumeTo}. */
    public void frame(int start, int end, int consumeTo) {
        frame(start, end, consumeTo, TYPE_DATA, null);
    }

    /**
     * A frame with a rule-defined type (e.g. Frame Streams control frames) and optional decoded
     * metadata that the frame carries ({@link Frame#meta()}). Pass {@code null} on hot paths.
     */
    public void frame(int start, int end, int consumeTo, int type, Object meta) {
        kind = Kind.FRAME;
        this.frameStart = start;
        this.frameEnd = end;
        this.consumeTo = consumeTo;
        this.type = type;
        this.meta = meta;
    }

    /** The bytes before {@code skipTo} are bad: drop them and report {@code why}. */
    public void corrupt(long skipTo, String why) {
        kind = Kind.CORRUPT;
        this.consumeTo = skipTo;
        this.message = why;
    }

    /**
     * The frame at the start of the buffer is bad and its end is not known yet: report
     * {@code why}, then drop bytes until the rule (asked with {@link #discarding()} set) next
     * answers a frame, which is dropped too.
     */
    public void corruptUntilBoundary(String why) {
        kind = Kind.CORRUPT_UNTIL_BOUNDARY;
        this.message = why;
    }

    /**
     * The rule read a frame length over its maximum. The bytes before {@code skipTo} (which may
     * lie past the buffered end) are dropped as they arrive, without being held.
     */
    public void tooLong(long frameLength, long skipTo) {
        kind = Kind.TOO_LONG;
        this.length = frameLength;
        this.consumeTo = skipTo;
    }
}
