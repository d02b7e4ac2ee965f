package org.streamframer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.sim.SimulatedInstrument;
import org.streamframer.framing.fstrm.FstrmFileReader;

/** What a new user typing the wrong thing sees: one line naming the problem, and the README's exit code. */
class CliBadInputTest {

    @RegisterExtension
    final SimUnderTest sim = new SimUnderTest(1);

    @TempDir
    Path tmp;

    private static CliRun.Result oneLine(int exit, String... args) {
        CliRun.Result r = CliRun.run(args);
        assertEquals(exit, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), "one line on stderr: " + r.err());
        assertTrue(r.err().startsWith("streamframer " + args[0] + ": "), r.err());
        return r;
    }

    @Test
    void aConnectionMonitorCannotMakeIsReportedOnce() throws IOException {
        CliRun.Result refused = oneLine(Cli.EXIT_FAILED, "monitor", "--tcp", "127.0.0.1:" + CliTest.freePort(), "--rule", "lines");
        assertTrue(refused.err().contains("connection refused"), refused.err());
        CliRun.Result unknown = oneLine(Cli.EXIT_FAILED, "monitor", "--tcp", "nosuchhost.invalid:5025", "--rule", "lines");
        assertTrue(unknown.err().contains("unknown host 'nosuchhost.invalid'"), unknown.err());
    }

    @Test
    void listeningOnAnUnknownHostSaysSo() {
        CliRun.Result r = oneLine(Cli.EXIT_FAILED, "monitor", "--listen", "nosuchhost.invalid:0", "--rule", "lines");
        assertEquals("streamframer monitor: cannot listen on nosuchhost.invalid:0: unknown host 'nosuchhost.invalid'",
                r.err().strip());
    }

    @Test
    void anUnknownCommandIsNamed() {
        CliRun.Result r = CliRun.run("bogus");
        assertEquals(Cli.EXIT_USAGE, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("streamframer: unknown command 'bogus' (sim, query, monitor,"), r.err());
    }

    @Test
    void aSocketResourceWithoutItsPortSaysWhatIsMissing() {
        CliRun.Result r = oneLine(Cli.EXIT_USAGE, "query", "--resource", "TCPIP::127.0.0.1::SOCKET", "*IDN?");
        assertTrue(r.err().contains("names its host and its port"), r.err());
    }

    @Test
    void queryOutOnAFullDiskNamesTheFile() {
        CliRun.Result r = oneLine(Cli.EXIT_FAILED, "query", "--tcp", sim.tcp(), "--out", "/dev/full", "WAV:DATA?");
        assertEquals("streamframer query: cannot write /dev/full: No space left on device", r.err().strip());
    }

    @Test
    void queryOutIntoAMissingDirectoryFailsBeforeConnecting() throws IOException {
        Path nowhere = tmp.resolve("no-such-dir").resolve("wave.bin");
        CliRun.Result r = oneLine(Cli.EXIT_FAILED, "query", "--tcp", "127.0.0.1:" + CliTest.freePort(), "--out",
                nowhere.toString(), "WAV:DATA?");
        assertEquals("streamframer query: cannot write " + nowhere + ": no such file or directory", r.err().strip());
    }

    @Test
    void fstrmCaptureIntoAMissingDirectoryFailsAtOnce() {
        Path nowhere = tmp.resolve("no-such-dir").resolve("x.fstrm");
        CliRun.Result r = oneLine(Cli.EXIT_FAILED, "fstrm-capture", "--listen", "127.0.0.1:0", "--type", "t",
                "--out", nowhere.toString());
        assertEquals("streamframer fstrm-capture: cannot write " + nowhere + ": no such file or directory", r.err().strip());
    }

    @Test
    void fstrmReplayOfAMissingFileSaysSo() {
        Path missing = tmp.resolve("missing.fstrm");
        CliRun.Result r = oneLine(Cli.EXIT_FAILED, "fstrm-replay", "--tcp", sim.tcp(), "--type", "t", missing.toString());
        assertEquals("streamframer fstrm-replay: cannot read " + missing + ": no such file or directory", r.err().strip());
    }

    /** stdout that fails like a full disk or a closed pipe (a PrintWriter keeps such errors to itself). */
    private static CliRun.Result toFailingStdout(String... args) {
        java.io.Writer full = new java.io.Writer() {
            @Override
            public void write(char[] c, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cmd = Cli.commandLine();
        cmd.setOut(new java.io.PrintWriter(full));
        cmd.setErr(new java.io.PrintWriter(err, true));
        return new CliRun.Result(cmd.execute(args), "", err.toString());
    }

    @Test
    void aStdoutThatCannotBeWrittenIsExit1NotSuccess() {
        CliRun.Result query = toFailingStdout("query", "--tcp", sim.tcp(), "*IDN?");
        assertEquals(Cli.EXIT_FAILED, query.exit(), query.toString());
        assertEquals("streamframer query: cannot write stdout", query.err().strip());
        long t0 = System.nanoTime();
        CliRun.Result monitor = toFailingStdout("monitor", "--tcp", sim.tcp(), "--rule", "lines", "--send", "SIM:STREAM 1000");
        assertEquals(Cli.EXIT_FAILED, monitor.exit(), monitor.toString());
        assertEquals("streamframer monitor: cannot write stdout", monitor.err().strip());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "monitor without --count stops when stdout fails");
    }

    @Test
    void interruptedFstrmCaptureEndsAtOnceWithAValidFile() throws Exception {
        Path file = tmp.resolve("cap.fstrm");
        CliRun.Running run = CliRun.start("fstrm-capture", "--listen", "127.0.0.1:0", "--type", "t", "--out", file.toString());
        run.await("listening on");
        long t0 = System.nanoTime();
        run.thread.interrupt();
        CliRun.Result r = run.join();
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "it ends when interrupted, not when a peer comes");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("interrupted: captured 0 frames of t to " + file, r.out().strip());
        try (FstrmFileReader f = FstrmFileReader.open(file)) {
            assertEquals("t", f.contentType());
            assertEquals(null, f.next(), "a valid file with no frames");
        }
        assertTrue(Files.size(file) > 0);
    }
}
