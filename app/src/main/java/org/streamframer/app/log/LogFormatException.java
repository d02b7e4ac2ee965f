package org.streamframer.app.log;

import java.io.IOException;

/** A session log line that cannot be read back; the message starts with the line number. */
public final class LogFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long line;

    public LogFormatException(long line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** 1-based line number. */
    public long line() {
        return line;
    }
}
