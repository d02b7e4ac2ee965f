package org.streamframer.framing.reader;

/** A listener threw while handling an event; reported as an {@link ErrorEvent}, never fatal. */
public class ListenerException extends Exception {
    private static final long serialVersionUID = 1L;

    public ListenerException(String message, Throwable cause) {
        super(message, cause);
    }
}
