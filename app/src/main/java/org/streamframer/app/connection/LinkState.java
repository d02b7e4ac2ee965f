package org.streamframer.app.connection;

/** What the status line says about the connection. */
public enum LinkState {
    DISCONNECTED("Disconnected"),
    CONNECTING("Connecting"),
    CONNECTED("Connected"),
    /** Was connected; the peer went away (reconnecting, if the profile says so). */
    LOST("Connection lost"),
    FAILED("Connection failed");

    private final String label;

    LinkState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a connection is open or being opened (Connect is then disabled). */
    public boolean active() {
        return this == CONNECTING || this == CONNECTED;
    }
}
