package org.streamframer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.streamframer.app.sim.SimConfig;
import org.streamframer.app.sim.SimTestAccess;
import org.streamframer.app.sim.SimulatedInstrument;

/** query and monitor over a serial port: the simulator on one end of a socat pty pair. */
class CliSerialTest {

    @Test
    void queryAndMonitorOverASerialPort() throws Exception {
        try (SimTestAccess.PtyPair pty = SimTestAccess.ptyPair();
             SimulatedInstrument sim = new SimulatedInstrument(SimConfig.defaults().withPort(SimConfig.NO_TCP)
                     .withSerial(pty.a(), 115200)).start()) {
            CliRun.Result r = CliRun.run("query", "--resource", "ASRL" + pty.b() + "::INSTR", "--baud", "115200",
                    "*IDN?", "WAV:POIN 10", "WAV:DATA?");
            assertEquals(0, r.exit(), r.toString());
            assertEquals(SimulatedInstrument.IDENTITY + "\nblock 20 bytes: "
                    + java.util.HexFormat.of().formatHex(SimTestAccess.waveformWords(1, 0, 10)) + "\n", r.out());

            CliRun.Result m = CliRun.run("monitor", "--serial", pty.b(), "--rule", "lines",
                    "--send", "SIM:STREAM 200", "--count", "3");
            assertEquals(0, m.exit(), m.toString());
            assertEquals(3, m.out().lines().count(), m.out());
        }
    }
}
