package org.streamframer.framing.scpi;

import java.io.IOException;
import java.time.Duration;

/**
 * A command was not sent because another thread's query held the session for longer than the
 * command could wait for its turn:
 * <pre>
 * "*IDN?" not sent: waited 2000 ms for the session on tcp 127.0.0.1:5025, busy with "MEAS:VOLT:DC?" for 2140 ms
 * </pre>
 * Nothing was written; the command may simply be sent again.
 */
public class SessionBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String busyWith;

    /**
     * @param command    the command that was not sent
     * @param waited     how long it waited for its turn
     * @param busyWith   the command holding the session (null if it ended just then)
     * @param heldMillis how long that command had held it
     * @param where      the connection
     */
    public SessionBusyException(String command, Duration waited, String busyWith, long heldMillis, String where) {
        super("\"" + command + "\" not sent: waited " + waited.toMillis() + " ms for the session on " + where
                + (busyWith == null ? ", busy with another command"
                        : ", busy with \"" + busyWith + "\" for " + heldMillis + " ms"));
        this.busyWith = busyWith;
    }

    /** The command that held the session, or null when not known. */
    public String busyWith() {
        return busyWith;
    }
}
