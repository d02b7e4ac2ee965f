package org.streamframer.framing;

/**
 * A frame (or the part of it seen so far) is longer than the rule's maximum frame length.
 * Its bytes are discarded, without ever being held in memory whole, and framing resumes
 * at the next frame boundary.
 */
public class FrameTooLongException extends FramingException {
    private static final long serialVersionUID = 1L;

    private final long frameLength;
    private final long maxFrameLength;
    private final boolean lengthKnown;

    /**
     * @param frameLength    the frame's length, or the number of bytes seen so far when
     *                       {@code lengthKnown} is false
     * @param maxFrameLength the rule's maximum
     * @param lengthKnown    whether {@code frameLength} is the whole frame's length
     */
    public FrameTooLongException(long frameLength, long maxFrameLength, boolean lengthKnown) {
        super("frame length (" + (lengthKnown ? "" : "over ") + frameLength
                + ") exceeds the allowed maximum (" + maxFrameLength + ")");
        this.frameLength = frameLength;
        this.maxFrameLength = maxFrameLength;
        this.lengthKnown = lengthKnown;
    }

    /** The frame's length, or a lower bound of it when {@link #lengthKnown()} is false. */
    public long frameLength() {
        return frameLength;
    }

    public long maxFrameLength() {
        return maxFrameLength;
    }

    /** False when the error was raised before the end of the frame was seen (fail fast). */
    public boolean lengthKnown() {
        return lengthKnown;
    }
}
