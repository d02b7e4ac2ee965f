package org.streamframer.framing;

/**
 * The stream ended (or the connection closed) with the beginning of a frame buffered but not
 * its end. The partial bytes are carried here, copied; they are never glued onto the next
 * connection's first frame.
 */
public class PartialFrameException extends FramingException {
    private static final long serialVersionUID = 1L;

    private final byte[] partial;

    public PartialFrameException(byte[] partial) {
        super("end of stream with a partial frame of " + partial.length + " bytes buffered");
        this.partial = partial;
    }

    /** A copy of the partial frame's bytes. */
    public byte[] partialBytes() {
        return partial.clone();
    }

    public int partialLength() {
        return partial.length;
    }
}
