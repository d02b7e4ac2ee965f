package org.streamframer.framing;

import java.io.IOException;

/**
 * A framing error: bytes that do not form a valid frame under the rule in use.
 *
 * <p>Framing errors are recoverable. By the time one is thrown, the {@link FrameBuffer}
 * has already arranged to step over the bad bytes, so the caller may log it and ask for
 * the next frame: nothing after the bad frame is lost.
 */
public class FramingException extends IOException {
    private static final long serialVersionUID = 1L;

    public FramingException(String message) {
        super(message);
    }

    public FramingException(String message, Throwable cause) {
        super(message, cause);
    }
}
