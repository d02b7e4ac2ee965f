package org.streamframer.app.command;

/** How the console sends a command. */
public enum CommandMode {
    /** Query when the command ends in '?', else write. */
    AUTO("Auto"),
    /** Send and wait for the answer (or a timeout). */
    QUERY("Query"),
    /** Send without waiting. */
    WRITE("Write");

    private final String label;

    CommandMode(String label) {
        this.label = label;
    }

    /** Whether {@code command} is sent as a query in this mode. */
    public boolean queries(String command) {
        return this == QUERY || (this == AUTO && command.strip().endsWith("?"));
    }

    @Override
    public String toString() {
        return label;
    }
}
