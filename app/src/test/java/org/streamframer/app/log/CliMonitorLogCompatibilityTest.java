package org.streamframer.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.cli.Cli;
import org.streamframer.app.sim.SimConfig;
import org.streamframer.app.sim.SimulatedInstrument;
import org.streamframer.framing.reader.Direction;
import picocli.CommandLine;

/** {@code streamframer monitor --format jsonl --out FILE} writes logs this package reads back. */
class CliMonitorLogCompatibilityTest {

    @Test
    void monitorJsonlOutputReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("monitor.jsonl");
        StringWriter err = new StringWriter();
        int code;
        try (SimulatedInstrument sim = new SimulatedInstrument(SimConfig.ephemeral()).start()) {
            CommandLine cli = Cli.commandLine();
            cli.setErr(new PrintWriter(err));
            code = cli.execute("monitor", "--tcp", "127.0.0.1:" + sim.port(), "--rule", "lines",
                    "--send", "*IDN?", "--count", "1", "--format", "jsonl", "--out", file.toString());
        }
        assertEquals(Cli.EXIT_OK, code, err.toString());
        JsonlFrameReader.Contents c = JsonlFrameReader.read(file);
        assertEquals(java.util.List.of(), c.problems());
        LoggedFrame rx = c.frames().stream().filter(f -> f.direction() == Direction.RX).findFirst().orElseThrow();
        assertTrue(new String(rx.bytes(), StandardCharsets.ISO_8859_1).startsWith(SimulatedInstrument.IDENTITY),
                new String(rx.bytes(), StandardCharsets.ISO_8859_1));
        assertTrue(c.frames().stream().anyMatch(f -> f.direction() == Direction.TX
                && new String(f.bytes(), StandardCharsets.ISO_8859_1).startsWith("*IDN?")), c.frames().toString());
    }
}
