package org.streamframer.framing;

/**
 * The {@link FrameBuffer} would have to grow past its maximum capacity to take more bytes.
 * Nothing was written. Consume frames, or use a buffer with a larger maximum; a rule's
 * maximum frame length below the buffer's maximum keeps a reading loop from ever seeing this.
 */
public class BufferFullException extends FramingException {
    private static final long serialVersionUID = 1L;

    public BufferFullException(String message) {
        super(message);
    }
}
