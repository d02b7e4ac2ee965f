package org.streamframer.app.connection;

import java.io.IOException;

import org.streamframer.app.sim.SimConfig;
import org.streamframer.app.sim.SimulatedInstrument;

/** {@link Simulators} backed by the in-process {@link SimulatedInstrument} on 127.0.0.1, ephemeral port. */
public final class BuiltInSimulator implements Simulators {

    @Override
    public Running start() throws IOException {
        SimulatedInstrument sim = new SimulatedInstrument(SimConfig.ephemeral()).start();
        return new Running() {
            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return sim.port();
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }
}
