package org.streamframer.framing.fstrm;

import java.io.IOException;

/**
 * The peer broke the Frame Streams protocol: a frame out of order (data before START, READY
 * where ACCEPT was due), a stream that ended without STOP or FINISH. Framing errors inside a
 * frame are {@link org.streamframer.framing.FramingException}s instead.
 */
public class FstrmProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public FstrmProtocolException(String message) {
        super(message);
    }

    public FstrmProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
