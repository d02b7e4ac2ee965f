package org.streamframer.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.sim.SimTestAccess;
import org.streamframer.app.sim.SimulatedInstrument;

/**
 * {@code bin/streamframer} as a process, after {@code package} (failsafe): the launcher finds
 * app/target from any working directory; sim, query, monitor and the exit codes end to end.
 */
class LauncherIT {

    static Path launcher;
    static Process sim;
    static int port;

    @TempDir
    static Path tmp;

    record Result(int exit, String out, String err) {
    }

    static Path findLauncher() {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("bin").resolve("streamframer");
            if (Files.isExecutable(f)) {
                return f;
            }
        }
        throw new AssertionError("bin/streamframer not found above " + System.getProperty("user.dir"));
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return runScript(launcher, args);
    }

    static Result runScript(Path script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(script.toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish in 60 s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @BeforeAll
    static void startSimulator() throws Exception {
        launcher = findLauncher();
        sim = new ProcessBuilder(launcher.toString(), "sim", "--port", "0", "--seed", "3")
                .directory(tmp.toFile()).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        Matcher m = Pattern.compile("simulator listening on TCPIP::127\\.0\\.0\\.1::(\\d+)::SOCKET").matcher(
                line == null ? "" : line);
        assertTrue(m.matches(), "first line of 'streamframer sim': " + line);
        port = Integer.parseInt(m.group(1));
    }

    @AfterAll
    static void stopSimulator() throws InterruptedException {
        if (sim != null) {
            sim.destroy(); // SIGTERM: the shutdown hook closes the simulator
            assertTrue(sim.waitFor(10, TimeUnit.SECONDS), "streamframer sim did not stop on SIGTERM");
        }
    }

    @Test
    void stdoutOnAFullDiskIsOneLineAndExit1() throws Exception {
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(launcher.toString(), "monitor", "--tcp", "127.0.0.1:" + port, "--rule", "lines",
                "--send", "SIM:STREAM 10000").directory(tmp.toFile())
                .redirectOutput(new java.io.File("/dev/full")).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "monitor > /dev/full did not stop");
        assertEquals(Cli.EXIT_FAILED, p.exitValue(), Files.readString(err));
        assertEquals("streamframer monitor: cannot write stdout: No space left on device", Files.readString(err).strip());
    }

    @Test
    void sigtermDuringMonitorEndsItPromptlyWithTheFileComplete() throws Exception {
        Path file = tmp.resolve("sigterm.jsonl");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(launcher.toString(), "monitor", "--tcp", "127.0.0.1:" + port, "--rule", "lines",
                "--send", "SIM:STREAM 20000", "--format", "jsonl", "--out", file.toString()).directory(tmp.toFile())
                .redirectErrorStream(false).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((!Files.exists(file) || Files.size(file) < 100_000) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "monitor ended by itself: " + Files.readString(err));
        p.destroy(); // SIGTERM; Ctrl-C (SIGINT) takes the same shutdown path
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "monitor did not end on SIGTERM");
        assertEquals(143, p.exitValue(), "128 + SIGTERM");
        assertEquals("", Files.readString(err));
        String text = Files.readString(file);
        assertTrue(text.endsWith("}\n"), "the last line is complete");
        List<String> lines = text.lines().toList();
        assertTrue(lines.size() > 100, lines.size() + " lines");
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : lines) {
            m.readTree(line); // every line parses
        }
    }

    @Test
    void versionFromAnyDirectory() throws Exception {
        Result r = run("--version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().strip().matches("streamframer \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), r.out());
    }

    @Test
    void queryTextAndABlockToAFile() throws Exception {
        Path file = tmp.resolve("wave.bin");
        Result r = run("query", "--tcp", "127.0.0.1:" + port, "--out", file.toString(), "*RST", "*IDN?", "WAV:DATA?");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith(SimulatedInstrument.IDENTITY + "\n"), r.out());
        assertArrayEquals(SimTestAccess.waveformWords(3, 0, 1000), Files.readAllBytes(file));
    }

    @Test
    void monitorCountsAStream() throws Exception {
        Result r = run("monitor", "--tcp", "127.0.0.1:" + port, "--rule", "lines", "--send", "SIM:STREAM 50000",
                "--count", "20000", "--stats");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(20000, lines.size());
        assertTrue(lines.get(19999).startsWith("19999,"), lines.get(19999));
        assertTrue(r.err().matches("(?s)monitor: 20000 frames, \\d+ bytes in .* frames/s.*\n"), r.err());
    }

    @Test
    void errorsAreOneLineWithTheirExitCodes() throws Exception {
        Result bad = run("query", "--tcp", "127.0.0.1", "*IDN?");
        assertEquals(Cli.EXIT_USAGE, bad.exit());
        assertEquals(1, bad.err().lines().count(), bad.err());

        int free = CliTest.freePort();
        Result refused = run("query", "--tcp", "127.0.0.1:" + free, "*IDN?");
        assertEquals(Cli.EXIT_FAILED, refused.exit());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("refused"), refused.err());

        Result instrument = run("query", "--tcp", "127.0.0.1:" + port, "SYST:BOGUS 1");
        assertEquals(Cli.EXIT_INSTRUMENT_ERROR, instrument.exit());
        assertEquals("streamframer query: 'SYST:BOGUS 1': instrument error -113,\"Undefined header\"\n", instrument.err());
    }

    @Test
    void anUnbuiltCheckoutSaysHowToBuild() throws Exception {
        Path fake = tmp.resolve("checkout");
        Files.createDirectories(fake.resolve("bin"));
        Path script = Files.copy(launcher, fake.resolve("bin").resolve("streamframer"));
        Result r = runScript(script, "--version");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("mvn -q install -DskipTests"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
