package org.streamframer.framing;

/**
 * Bytes that break the rule's format: a bad header, an invalid escape, a length that
 * cannot be. The rule skips the bad bytes and framing goes on.
 */
public class CorruptFrameException extends FramingException {
    private static final long serialVersionUID = 1L;

    public CorruptFrameException(String message) {
        super(message);
    }
}
