package org.streamframer.app.cli;

import java.io.IOException;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.streamframer.app.sim.SimConfig;
import org.streamframer.app.sim.SimulatedInstrument;

/**
 * A simulator on an ephemeral port for each test of a CLI test class:
 * {@code @RegisterExtension final SimUnderTest sim = new SimUnderTest(seed);} then {@code sim.tcp()}.
 */
final class SimUnderTest implements BeforeEachCallback, AfterEachCallback {

    private final long seed;
    private SimulatedInstrument sim;

    SimUnderTest(long seed) {
        this.seed = seed;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        sim = new SimulatedInstrument(SimConfig.ephemeral().withSeed(seed)).start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sim.close();
    }

    int port() {
        return sim.port();
    }

    /** {@code 127.0.0.1:PORT}, for {@code --tcp}. */
    String tcp() {
        return "127.0.0.1:" + port();
    }
}
