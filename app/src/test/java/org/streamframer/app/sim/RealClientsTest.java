package org.streamframer.app.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real SCPI clients from Debian's packages against the simulator: PyVISA with the pyvisa-py
 * backend (python3-pyvisa-py) and lxi-tools. A missing tool fails the test with the package name.
 */
class RealClientsTest {

    private SimulatedInstrument sim;

    @BeforeEach
    void start() throws IOException {
        sim = new SimulatedInstrument(SimConfig.ephemeral().withSeed(2024)).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Debian's python3 (pyvisa-py is installed for it), not a pyenv or venv one on the PATH. */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    record Result(int exit, String out) {
    }

    static Result run(String packageName, List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is missing: install the Debian package " + packageName
                    + " (scripts/install-deps test): " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void pyvisaQueriesIdentityAndWaveformBlocks() throws Exception {
        String script = String.join("\n",
                "import json, sys",
                "try:",
                "    import pyvisa",
                "except ImportError as e:",
                "    sys.exit('pyvisa is missing: install the Debian package python3-pyvisa-py: %s' % e)",
                "rm = pyvisa.ResourceManager('@py')",
                "inst = rm.open_resource('TCPIP::127.0.0.1::" + sim.port() + "::SOCKET',",
                "                        read_termination='\\n', write_termination='\\n', timeout=10000)",
                "idn = inst.query('*IDN?')",
                "inst.write('*RST')",
                "lst = inst.query_binary_values('WAV:DATA?', datatype='h', is_big_endian=False, container=list)",
                "raw = inst.query_binary_values('WAV:DATA?', datatype='B', container=bytes)",
                "png = inst.query_binary_values('HCOP:SDUM:DATA?', datatype='B', container=bytes)",
                "err = inst.query('SYST:ERR?')",
                "inst.close()",
                "print(json.dumps({'idn': idn, 'list': lst, 'hex': raw.hex(), 'png': png[:8].hex(), 'err': err}))");
        Result r = run("python3-pyvisa-py", List.of(python(), "-c", script));
        assertEquals(0, r.exit(), r.out());
        String json = r.out().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no JSON line from the PyVISA script: " + r.out()));
        JsonNode n = new ObjectMapper().readTree(json);
        assertEquals(SimulatedInstrument.IDENTITY, n.get("idn").asText());
        short[] first = Waveform.samples(2024, 0, Waveform.DEFAULT_POINTS);
        List<Integer> got = new ArrayList<>();
        n.get("list").forEach(v -> got.add(v.asInt()));
        List<Integer> want = new ArrayList<>();
        for (short s : first) {
            want.add((int) s);
        }
        assertEquals(want, got, "query_binary_values(datatype='h', container=list)");
        byte[] second = Waveform.encode(Waveform.samples(2024, 1, Waveform.DEFAULT_POINTS), Waveform.Format.WORD);
        assertEquals(HexFormat.of().formatHex(second), n.get("hex").asText(), "container=bytes");
        assertEquals("89504e470d0a1a0a", n.get("png").asText(), "HCOP:SDUM:DATA? is a PNG");
        assertEquals("0,\"No error\"", n.get("err").asText());
    }

    @Test
    void pyvisaReadsChannel2InVoltsWithSuffixedHeadersAndUnits() throws Exception {
        String script = String.join("\n",
                "import json, sys",
                "import pyvisa",
                "rm = pyvisa.ResourceManager('@py')",
                "inst = rm.open_resource('TCPIP::127.0.0.1::" + sim.port() + "::SOCKET',",
                "                        read_termination='\\n', write_termination='\\n', timeout=10000)",
                "inst.write('WAV:SOUR CHAN2;:CHANnel2:SCALe 500 mV;OFFSet 1.25V')",
                "counts = inst.query_binary_values('WAV:DATA?', datatype='h', is_big_endian=False, container=list)",
                "yinc = float(inst.query('WAV:YINC?'))",
                "yor = float(inst.query('WAV:YOR?'))",
                "scale = inst.query('CHAN2:SCAL?')",
                "inst.write('CHAN3:SCAL 1')",
                "err = inst.query('SYST:ERR?')",
                "inst.close()",
                "print(json.dumps({'volts': [c * yinc + yor for c in counts], 'scale': scale, 'err': err}))");
        Result r = run("python3-pyvisa-py", List.of(python(), "-c", script));
        assertEquals(0, r.exit(), r.out());
        String json = r.out().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no JSON line from the PyVISA script: " + r.out()));
        JsonNode n = new ObjectMapper().readTree(json);
        ScopeChannel atOneVolt = new ScopeChannel(2);
        short[] want = Waveform.samples(2024, 0, Waveform.DEFAULT_POINTS, atOneVolt);
        assertEquals(Waveform.DEFAULT_POINTS, n.get("volts").size());
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i] / ScopeChannel.COUNTS_PER_DIV, n.get("volts").get(i).asDouble(), 1e-3, "sample " + i);
        }
        assertEquals("+5.00000000E-01", n.get("scale").asText());
        assertEquals("-114,\"Header suffix out of range\"", n.get("err").asText());
    }

    @Test
    void lxiScpiRawPrintsTheIdentity() throws Exception {
        Result r = run("lxi-tools", List.of("lxi", "scpi", "-r", "-a", "127.0.0.1", "-p",
                Integer.toString(sim.port()), "-t", "10", "*IDN?"));
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains(SimulatedInstrument.IDENTITY), "lxi printed: " + r.out());
    }
}
