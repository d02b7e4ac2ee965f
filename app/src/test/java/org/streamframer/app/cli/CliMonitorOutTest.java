package org.streamframer.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.streamframer.app.log.JsonlFrameReader;
import org.streamframer.app.log.LoggedFrame;
import org.streamframer.app.sim.SimulatedInstrument;
import org.streamframer.framing.reader.Direction;

/** {@code monitor --out FILE}: written by the session-log writers, complete when the command ends. */
class CliMonitorOutTest {

    @RegisterExtension
    final SimUnderTest sim = new SimUnderTest(7);

    @TempDir
    Path tmp;

    /** A fast stream, so frames keep coming while the command stops at the count. */
    @ParameterizedTest
    @ValueSource(strings = {"text", "hex", "jsonl"})
    void countFramesOfAFastStreamAreAllInTheFileWhenTheCommandEnds(String format) throws IOException {
        Path file = tmp.resolve("frames." + format);
        int n = 20_000;
        CliRun.Result r = CliRun.run("monitor", "--tcp", sim.tcp(), "--rule", "lines", "--send", "SIM:STREAM 200000",
                "--count", Integer.toString(n), "--format", format, "--out", file.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.out());
        List<String> rx;
        if (format.equals("jsonl")) {
            JsonlFrameReader.Contents c = JsonlFrameReader.read(file);
            assertEquals(List.of(), c.problems());
            rx = c.frames().stream().filter(f -> f.direction() == Direction.RX)
                    .map(f -> new String(f.bytes(), StandardCharsets.ISO_8859_1)).toList();
            assertEquals(n + 1, c.frames().size(), "the RX frames and the one TX (--send)");
        } else {
            rx = Files.readAllLines(file).stream()
                    .map(l -> format.equals("hex") ? new String(HexFormat.of().parseHex(l), StandardCharsets.US_ASCII) : l)
                    .toList();
        }
        assertEquals(n, rx.size());
        for (int i = 0; i < n; i++) {
            assertTrue(rx.get(i).startsWith(i + ","), "frame " + i + ": " + rx.get(i));
        }
        assertTrue(Files.readString(file).endsWith("\n"));
    }

    @Test
    void rawWritesTheFramesBytesBackToBack() throws IOException {
        Path file = tmp.resolve("frames.raw");
        CliRun.Result r = CliRun.run("monitor", "--tcp", sim.tcp(), "--rule", "fixed:10", "--send", "SIM:STREAM 5000",
                "--count", "100", "--format", "raw", "--out", file.toString());
        assertEquals(0, r.exit(), r.toString());
        byte[] b = Files.readAllBytes(file);
        assertEquals(1000, b.length);
        String text = new String(b, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("0,+") && text.contains("\n1,+") && text.contains("\n2,+"), text);
    }

    @Test
    void rawNeedsOut() {
        CliRun.Result r = CliRun.run("monitor", "--tcp", sim.tcp(), "--rule", "lines", "--format", "raw");
        assertEquals(Cli.EXIT_USAGE, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--format raw needs --out FILE"), r.err());
    }

    @Test
    void jsonlPairsQueriesWithAnswersInTheFileAndOnStdout() throws IOException {
        Path file = tmp.resolve("q.jsonl");
        String[] args = {"monitor", "--tcp", sim.tcp(), "--rule", "lines", "--send", "*IDN?", "--send", "*OPC?",
            "--count", "2", "--format", "jsonl"};
        CliRun.Result toFile = CliRun.run(concat(args, "--out", file.toString()));
        assertEquals(0, toFile.exit(), toFile.toString());
        List<LoggedFrame> frames = JsonlFrameReader.read(file).frames();
        Path stdoutCopy = tmp.resolve("stdout.jsonl");
        CliRun.Result toStdout = CliRun.run(args);
        assertEquals(0, toStdout.exit(), toStdout.toString());
        Files.writeString(stdoutCopy, toStdout.out());
        for (List<LoggedFrame> f : List.of(frames, JsonlFrameReader.read(stdoutCopy).frames())) {
            assertEquals(4, f.size(), f.toString());
            for (LoggedFrame x : f) {
                String text = new String(x.bytes(), StandardCharsets.ISO_8859_1);
                long expected = text.startsWith("*IDN?") || text.startsWith(SimulatedInstrument.IDENTITY) ? 1 : 2;
                assertEquals(expected, x.queryId(), text);
            }
        }
    }

    @Test
    void aFullDiskIsOneLineAndExit1() {
        Path full = Path.of("/dev/full");
        assertTrue(Files.isWritable(full), "this test needs /dev/full");
        CliRun.Result r = CliRun.run("monitor", "--tcp", sim.tcp(), "--rule", "lines", "--send", "SIM:STREAM 100000",
                "--format", "jsonl", "--out", full.toString());
        assertEquals(Cli.EXIT_FAILED, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("streamframer monitor: cannot write /dev/full"), r.err());
        assertTrue(r.err().contains("No space left on device"), r.err());
    }

    @Test
    void interruptedMonitorWritesOutWhatItReceived() throws Exception {
        Path file = tmp.resolve("interrupted.txt");
        CliRun.Running run = CliRun.start("monitor", "--tcp", sim.tcp(), "--rule", "lines", "--send", "SIM:STREAM 20000",
                "--out", file.toString());
        long deadline = System.nanoTime() + 15_000_000_000L;
        while ((!Files.exists(file) || Files.size(file) < 1000) && System.nanoTime() < deadline) {
            Thread.sleep(20); // the writer creates the file at once and flushes when its queue runs empty
        }
        run.thread.interrupt();
        CliRun.Result r = run.join();
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err(), "the frame cut off by stopping is not reported");
        String text = Files.readString(file);
        assertTrue(text.endsWith("\n"), "the last line is complete");
        List<String> lines = text.lines().toList();
        assertTrue(lines.size() > 10, lines.size() + " lines");
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).startsWith(i + ","), "line " + i + ": " + lines.get(i));
        }
    }

    @Test
    void theTextFormatToAFileIsWhatStdoutShows() throws IOException {
        Path file = tmp.resolve("one.txt");
        CliRun.Result toFile = CliRun.run("monitor", "--tcp", sim.tcp(), "--rule", "lines", "--send", "*IDN?", "--count", "1",
                "--out", file.toString());
        CliRun.Result toStdout = CliRun.run("monitor", "--tcp", sim.tcp(), "--rule", "lines", "--send", "*IDN?", "--count", "1");
        assertEquals(0, toFile.exit(), toFile.toString());
        assertArrayEquals(toStdout.out().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
