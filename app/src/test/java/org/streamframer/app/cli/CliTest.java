package org.streamframer.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.streamframer.app.sim.SimulatedInstrument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The CLI in-process against the simulator. */
class CliTest {

    private static final long SEED = 99;

    @RegisterExtension
    final SimUnderTest sim = new SimUnderTest(SEED);

    @TempDir
    Path tmp;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** What the simulator's WAV:DATA? block holds for acquisition {@code k} (WORD, int16 LE). */
    static byte[] waveform(long seed, int k, int points) {
        return org.streamframer.app.sim.SimTestAccess.waveformWords(seed, k, points);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun.Result r = CliRun.run("--version");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().strip().matches("streamframer \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "query", "monitor", "fstrm-capture", "fstrm-replay"})
    void everyCommandHasHelp(String command) {
        CliRun.Result r = CliRun.run(command, "--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("Usage: streamframer " + command), r.out());
        assertEquals("", r.err());
    }

    @Test
    void queryPrintsTextAnswers() {
        CliRun.Result r = CliRun.run("query", "--tcp", sim.tcp(), "*IDN?", "CONF:VOLT:DC 10", "READ?", "*OPC?");
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        assertEquals(SimulatedInstrument.IDENTITY, lines[0]);
        assertTrue(lines[1].matches("\\+1\\.23\\d{6}E\\+00"), lines[1]);
        assertEquals("1", lines[2]);
        assertEquals("", r.err());
    }

    @Test
    void queryTakesAVisaResource() {
        CliRun.Result r = CliRun.run("query", "--resource", "TCPIP0::127.0.0.1::" + sim.port() + "::SOCKET", "*IDN?");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(SimulatedInstrument.IDENTITY + "\n", r.out());
    }

    @Test
    void queryWritesABlockToAFileByteForByte() throws IOException {
        Path file = tmp.resolve("wave.bin");
        CliRun.Result r = CliRun.run("query", "--tcp", sim.tcp(), "--out", file.toString(), "WAV:DATA?");
        assertEquals(0, r.exit(), r.toString());
        byte[] want = waveform(SEED, 0, 1000);
        assertArrayEquals(want, Files.readAllBytes(file));
        assertTrue(r.out().contains("wrote 2000 bytes of block data to " + file), r.out());
    }

    @Test
    void queryPrintsABlockAsLengthAndHex() {
        CliRun.Result r = CliRun.run("query", "--tcp", sim.tcp(), "WAV:POIN 16", "WAV:DATA?");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("block 32 bytes: " + HexFormat.of().formatHex(waveform(SEED, 0, 16)) + "\n", r.out());
    }

    @Test
    void blocksAmongTextKeepTheText() throws IOException {
        CliRun.Result r = CliRun.run("query", "--tcp", sim.tcp(), "WAV:POIN 10;DATA?;*OPC?");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("block 20 bytes: " + HexFormat.of().formatHex(waveform(SEED, 0, 10)) + ";1\n", r.out());
        Path file = tmp.resolve("two.bin");
        r = CliRun.run("query", "--tcp", sim.tcp(), "--out", file.toString(), "WAV:POIN 10;DATA?;*OPC?;DATA?");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("(block 20 bytes);1;(block 20 bytes)\nwrote 40 bytes of block data to " + file + "\n", r.out());
        byte[] both = Files.readAllBytes(file);
        assertArrayEquals(waveform(SEED, 0, 10), java.util.Arrays.copyOfRange(both, 0, 20), "a new connection starts at acquisition 0");
        assertArrayEquals(waveform(SEED, 1, 10), java.util.Arrays.copyOfRange(both, 20, 40));
    }

    @Test
    void instrumentErrorIsOneLineAndExit4() {
        CliRun.Result r = CliRun.run("query", "--tcp", sim.tcp(), "*IDN?", "CONF:VOLT:DC banana", "*OPC?");
        assertEquals(Cli.EXIT_INSTRUMENT_ERROR, r.exit(), r.toString());
        assertEquals(SimulatedInstrument.IDENTITY + "\n", r.out(), "answers before the error are printed");
        assertEquals("streamframer query: 'CONF:VOLT:DC banana': instrument error -224,\"Illegal parameter value\"\n", r.err());
    }

    @Test
    void unansweredQueryReportsTheInstrumentsError() {
        CliRun.Result r = CliRun.run("query", "--tcp", sim.tcp(), "--timeout", "300", "NOSUCH?");
        assertEquals(Cli.EXIT_INSTRUMENT_ERROR, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no answer in 300 ms") && r.err().contains("-113,\"Undefined header\""), r.err());
    }

    @Test
    void timeoutWithoutErrorCheckIsExit3() {
        CliRun.Result r = CliRun.run("query", "--tcp", sim.tcp(), "--timeout", "300", "--no-check-errors", "NOSUCH?");
        assertEquals(Cli.EXIT_TIMEOUT, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("streamframer query: 'NOSUCH?': "), r.err());
    }

    @Test
    void aPeerThatDoesNotSpeakScpiIsATimeoutOfTheErrorCheck() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().readNBytes(6); // "*CLS\n" and the start of SYST:ERR?, never answered
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("silent peer", e);
                }
            }, "silent-peer");
            echo.start();
            CliRun.Result r = CliRun.run("query", "--tcp", "127.0.0.1:" + silent.getLocalPort(), "--timeout", "300", "*CLS");
            assertEquals(Cli.EXIT_TIMEOUT, r.exit(), r.toString());
            assertEquals("streamframer query: '*CLS' sent, but SYST:ERR? got no answer in 300 ms"
                    + " (not an SCPI instrument? use --no-check-errors)\n", r.err());
            echo.join(5000);
        }
    }

    @Test
    void refusedConnectionIsOneLineAndExit1() throws IOException {
        int port = freePort();
        CliRun.Result r = CliRun.run("query", "--tcp", "127.0.0.1:" + port, "*IDN?");
        assertEquals(Cli.EXIT_FAILED, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("streamframer query: cannot connect: "), r.err());
        assertTrue(r.err().toLowerCase().contains("refused") && r.err().contains(Integer.toString(port)), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "query *IDN?",
        "query --tcp 127.0.0.1:5025 --serial /dev/null *IDN?",
        "query --tcp localhost *IDN?",
        "query --tcp 127.0.0.1:70000 *IDN?",
        "query --resource TCPIP::1.2.3.4::INSTR *IDN?",
        "query --resource GPIB0::5::INSTR *IDN?",
        "query --tcp 127.0.0.1:5025 --rule nosuch *IDN?",
        "query --tcp 127.0.0.1:5025 --terminator semicolon *IDN?",
        "query --tcp 127.0.0.1:5025 --timeout abc *IDN?",
        "query --tcp 127.0.0.1:5025",
        "query --bogus",
        "query --tcp 127.0.0.1:5025 --connect-timeout -5 *IDN?",
        "query --resource TCPIP::127.0.0.1::SOCKET *IDN?",
        "monitor --tcp 127.0.0.1:5025 --rule lines --connect-timeout 0",
        "fstrm-replay --tcp 127.0.0.1:1 --connect-timeout 0 --type t x.fstrm",
        "monitor --tcp 127.0.0.1:5025",
        "monitor --tcp 127.0.0.1:5025 --rule lines --format xml",
        "monitor --tcp 127.0.0.1:5025 --rule lines --count 0",
        "monitor --tcp 127.0.0.1:5025 --listen 127.0.0.1:0 --rule lines",
        "monitor --tcp 127.0.0.1:5025 --rule fixed:x",
        "monitor --tcp 127.0.0.1:5025 --rule lines --send a\\",
        "sim --terminator nul",
        "sim --port -5",
        "sim --no-tcp",
        "fstrm-capture --listen 127.0.0.1:0 --out x.fstrm",
        "fstrm-replay --tcp 127.0.0.1:1 x.fstrm",
        "fstrm-replay --serial /dev/ttyS0 --type t x.fstrm",
        "nosuchcommand",
        ""})
    void badArgumentsAreOneLineAndExit2(String args) {
        CliRun.Result r = CliRun.run(args.isEmpty() ? new String[0] : args.split(" "));
        assertEquals(Cli.EXIT_USAGE, r.exit(), args + " -> " + r);
        assertEquals(1, r.err().lines().count(), args + " -> " + r.err());
        assertTrue(r.err().startsWith("streamframer"), r.err());
        assertTrue(r.err().contains("--help"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void monitorPrintsCountFramesOfTheStream() {
        CliRun.Result r = CliRun.run("monitor", "--tcp", sim.tcp(), "--rule", "lines", "--send", "SIM:STREAM 2000", "--count", "50");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(50, lines.size(), r.out());
        for (int i = 0; i < 50; i++) {
            assertTrue(lines.get(i).matches(i + ",[+-]\\d\\.\\d{8}E[+-]\\d{2}"), "line " + i + ": " + lines.get(i));
        }
    }

    @Test
    void monitorWritesJsonlWithTheSessionLogFields() throws IOException {
        Path file = tmp.resolve("frames.jsonl");
        CliRun.Result r = CliRun.run("monitor", "--tcp", sim.tcp(), "--rule", "lines", "--send", "SIM:STREAM 500",
                "--count", "5", "--format", "jsonl", "--out", file.toString());
        assertEquals(0, r.exit(), r.toString());
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> rx = new ArrayList<>();
        JsonNode tx = null;
        for (String line : Files.readAllLines(file)) {
            JsonNode n = m.readTree(line);
            assertEquals(List.of("utc", "mono_ns", "dir", "len", "hex", "text", "query_id"), fieldNames(n));
            assertTrue(n.get("query_id").isNull());
            java.time.Instant.parse(n.get("utc").asText());
            byte[] bytes = HexFormat.of().parseHex(n.get("hex").asText());
            assertEquals(bytes.length, n.get("len").asInt());
            assertEquals(new String(bytes, StandardCharsets.ISO_8859_1), n.get("text").asText());
            if (n.get("dir").asText().equals("TX")) {
                tx = n;
            } else {
                assertEquals("RX", n.get("dir").asText());
                rx.add(n);
            }
        }
        assertEquals(5, rx.size());
        assertEquals("SIM:STREAM 500\n", tx.get("text").asText());
        assertTrue(rx.get(0).get("text").asText().startsWith("0,+1.23"), rx.get(0).toString());
        assertTrue(rx.get(4).get("mono_ns").asLong() > rx.get(0).get("mono_ns").asLong());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void monitorHexFormat() {
        CliRun.Result r = CliRun.run("monitor", "--tcp", sim.tcp(), "--rule", "lines", "--send", "SIM:STREAM 100", "--count", "1",
                "--format", "hex");
        assertEquals(0, r.exit(), r.toString());
        String text = new String(HexFormat.of().parseHex(r.out().strip()), StandardCharsets.US_ASCII);
        assertTrue(text.matches("0,\\+1\\.23\\d{6}E\\+00"), text);
    }

    @Test
    void monitorListensForOnePeer() throws Exception {
        int port = freePort();
        CliRun.Running run = CliRun.start("monitor", "--listen", "127.0.0.1:" + port, "--rule", "crlf", "--count", "3");
        run.await("listening on 127.0.0.1:" + port);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write("alpha\r\nbe\tta\r\n\u0001gamma\r\nnot counted\r\n".getBytes(StandardCharsets.ISO_8859_1));
            CliRun.Result r = run.join();
            assertEquals(0, r.exit(), r.toString());
            assertEquals("alpha\nbe\\tta\n\\x01gamma\n", r.out());
        }
    }

    @Test
    void monitorDecodesSlipFromAPeer() throws Exception {
        int port = freePort();
        CliRun.Running run = CliRun.start("monitor", "--listen", "127.0.0.1:" + port, "--rule", "slip", "--count", "2",
                "--format", "hex");
        run.await("listening on");
        try (Socket s = new Socket("127.0.0.1", port)) {
            // END "ab" END, then 0x01 ESC ESC_END 0x02 END: the second packet is 01 c0 02
            s.getOutputStream().write(HexFormat.of().parseHex("c06162c001dbdc02c0"));
            CliRun.Result r = run.join();
            assertEquals(0, r.exit(), r.toString());
            assertEquals("6162\n01c002\n", r.out());
        }
    }

    @Test
    void monitorReportsAConnectionThatEndsBeforeTheCount() throws Exception {
        int port = freePort();
        CliRun.Running run = CliRun.start("monitor", "--listen", "127.0.0.1:" + port, "--rule", "lines", "--count", "10");
        run.await("listening on");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write("one\ntwo\n".getBytes(StandardCharsets.US_ASCII));
        }
        CliRun.Result r = run.join();
        assertEquals(Cli.EXIT_FAILED, r.exit(), r.toString());
        assertEquals("one\ntwo\n", r.out());
        assertTrue(r.err().contains("the connection ended after 2 of 10 frames"), r.err());
    }

    @Test
    void anUnwritableOutFileIsOneLineAndExit1() {
        String nowhere = tmp.resolve("no-such-dir").resolve("x.out").toString();
        for (String[] args : List.of(
                new String[] {"monitor", "--tcp", sim.tcp(), "--rule", "lines", "--count", "1", "--out", nowhere},
                new String[] {"query", "--tcp", sim.tcp(), "--out", nowhere, "WAV:DATA?"})) {
            CliRun.Result r = CliRun.run(args);
            assertEquals(Cli.EXIT_FAILED, r.exit(), r.toString());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(nowhere), r.err());
        }
    }

    @Test
    void monitorRefusedConnectionIsExit1() throws IOException {
        CliRun.Result r = CliRun.run("monitor", "--tcp", "127.0.0.1:" + freePort(), "--rule", "lines", "--count", "1");
        assertEquals(Cli.EXIT_FAILED, r.exit(), r.toString());
        assertTrue(r.err().toLowerCase().contains("refused"), r.err());
    }

    @Test
    void simCommandServesUntilInterrupted() throws Exception {
        CliRun.Running run = CliRun.start("sim", "--port", "0", "--terminator", "crlf", "--seed", "5");
        String text = run.await("simulator listening on TCPIP::127.0.0.1::");
        int port = Integer.parseInt(text.replaceAll("(?s).*TCPIP::127\\.0\\.0\\.1::(\\d+)::SOCKET.*", "$1"));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("*OPC?\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("1\r\n", new String(s.getInputStream().readNBytes(3), StandardCharsets.US_ASCII));
        }
        run.thread.interrupt();
        CliRun.Result r = run.join();
        assertEquals(0, r.exit(), r.toString());
        assertThrowsConnect(port);
    }

    private static void assertThrowsConnect(int port) {
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close(),
                "the simulator stopped listening");
    }
}
