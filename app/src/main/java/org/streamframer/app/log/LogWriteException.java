package org.streamframer.app.log;

import java.io.IOException;

/** A session log could not be opened or written; says which log and after how many frames. */
public final class LogWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String target;
    private final long framesWritten;

    public LogWriteException(String target, long framesWritten, String what, IOException cause) {
        super("session log " + target + ": " + what + " after " + framesWritten + " frame"
                + (framesWritten == 1 ? "" : "s") + ": " + describe(cause) + "; logging stopped, the connection goes on",
                cause);
        this.target = target;
        this.framesWritten = framesWritten;
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    public String target() {
        return target;
    }

    public long framesWritten() {
        return framesWritten;
    }
}
