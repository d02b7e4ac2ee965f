package org.streamframer.app.plot;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;
import org.streamframer.framing.scpi.QueryTimeoutException;

/** Which failures of a query count as "timed out" rather than "failed". */
public final class Timeouts {

    private Timeouts() {
    }

    /**
     * True for the SCPI session's {@link QueryTimeoutException}, socket read timeouts
     * ({@link java.net.SocketTimeoutException} is an {@link InterruptedIOException}) and
     * {@link TimeoutException}, also when wrapped as a cause.
     */
    public static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof QueryTimeoutException || t instanceof InterruptedIOException
                    || t instanceof TimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
