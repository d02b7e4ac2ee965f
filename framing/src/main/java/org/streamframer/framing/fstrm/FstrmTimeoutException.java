package org.streamframer.framing.fstrm;

/**
 * A handshake control frame (READY, START, ACCEPT or FINISH) did not arrive in time. The
 * streams were closed to unblock the read, so the connection is over.
 */
public class FstrmTimeoutException extends FstrmProtocolException {
    private static final long serialVersionUID = 1L;

    public FstrmTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
