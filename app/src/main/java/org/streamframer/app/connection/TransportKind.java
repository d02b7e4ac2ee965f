package org.streamframer.app.connection;

/** How the console reaches the instrument. */
public enum TransportKind {
    SIMULATOR("Simulated instrument"),
    TCP_CLIENT("TCP client"),
    TCP_LISTEN("TCP listen"),
    SERIAL("Serial port");

    private final String label;

    TransportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
