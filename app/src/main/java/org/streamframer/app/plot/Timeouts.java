package org.streamframer.app.plot;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;

/** Which failures of a query count as "timed out" rather than "failed". */
public final class Timeouts {

    private Timeouts() {
    }

    /**
     * True for the SCPI session's {@code QueryTimeoutException}, socket read timeouts
     * ({@link java.net.SocketTimeoutException} is an {@link InterruptedIOException}) and
     * {@link TimeoutException}, also when wrapped as a cause.
     */
    public static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException || t instanceof TimeoutException
                    || t.getClass().getSimpleName().equals("QueryTimeoutException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
