package org.streamframer.app.connection;

import java.io.IOException;

/** Starts an instrument simulator for the "Simulated instrument" transport. */
@FunctionalInterface
public interface Simulators {

    /** A running simulator: where it listens, and how to stop it. */
    interface Running extends AutoCloseable {
        String host();

        int port();

        @Override
        void close();
    }

    /** Starts one on an ephemeral port of 127.0.0.1. Blocking. */
    Running start() throws IOException;
}
