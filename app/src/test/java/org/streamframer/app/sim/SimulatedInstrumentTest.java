package org.streamframer.app.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimulatedInstrumentTest {

    private static final String NUMBER = "[+-]\\d\\.\\d{8}E[+-]\\d{2}";
    private static final String NO_ERROR = "0,\"No error\"";

    private SimulatedInstrument sim;
    private ScpiTestClient client;

    @BeforeEach
    void start() throws IOException {
        sim = new SimulatedInstrument(SimConfig.ephemeral().withSeed(42)).start();
        client = new ScpiTestClient(sim.port());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        sim.close();
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("*IDN?", "*idn?", java.util.regex.Pattern.quote(SimulatedInstrument.IDENTITY)),
                Arguments.of("*OPC?", "*opc?", "1"),
                Arguments.of("*TST?", "*tst?", "0"),
                Arguments.of("*ESR?", "*esr?", "0"),
                Arguments.of("*STB?", "*stb?", "0"),
                Arguments.of("*ESE?", "*ese?", "0"),
                Arguments.of("*SRE?", "*sre?", "0"),
                Arguments.of("SYST:ERR?", "SYSTem:ERRor:NEXT?", java.util.regex.Pattern.quote(NO_ERROR)),
                Arguments.of("SYST:ERR:COUN?", "system:error:count?", "0"),
                Arguments.of("SYST:VERS?", "SYSTEM:VERSION?", "1999\\.0"),
                Arguments.of("MEAS:VOLT:DC?", "MEASure:VOLTage:DC?", "\\+1\\.23\\d{6}E\\+00"),
                Arguments.of("meas:volt?", "measure:voltage?", "\\+1\\.23\\d{6}E\\+00"),
                Arguments.of("MEAS:CURR:DC?", "MEASURE:CURRENT:DC?", "\\+(1\\.00|9\\.99)\\d{6}E-0[34]"),
                Arguments.of("READ?", "read?", "\\+1\\.23\\d{6}E\\+00"),
                Arguments.of("CONF?", "CONFIGURE?", "\"VOLT " + NUMBER + "," + NUMBER + "\""),
                Arguments.of("WAV:FORM?", "WAVeform:FORMat?", "WORD"),
                Arguments.of("WAV:POIN?", "waveform:points?", "1000"),
                Arguments.of("HCOP:SDUM:DATA:FORM?", "HCOPY:SDUMP:DATA:FORMAT?", "PNG"),
                Arguments.of("SIM:STR?", "SIMULATION:STREAM?", "0"));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("queries")
    void everyQueryAnswersInShortAndLongForm(String shortForm, String longForm, String expected) throws IOException {
        for (String q : List.of(shortForm, longForm)) {
            String answer = client.query(q);
            assertTrue(answer.matches(expected), q + " answered '" + answer + "', expected /" + expected + "/");
            assertEquals(NO_ERROR, client.query("SYST:ERR?"), "after " + q);
        }
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of("*RST", "*rst", "*OPC?", "1"),
                Arguments.of("*CLS", "*cls", "*ESR?", "0"),
                Arguments.of("*OPC", "*opc", "*ESR?", "1"),
                Arguments.of("*WAI", "*wai", "*OPC?", "1"),
                Arguments.of("*ESE 36", "*ese 36", "*ESE?", "36"),
                Arguments.of("*SRE 4", "*sre 4", "*SRE?", "4"),
                Arguments.of("CONF:VOLT:DC 10,0.001", "CONFigure:VOLTage:DC 10,0.001", "CONF?",
                        "\"VOLT \\+1\\.00000000E\\+01,\\+1\\.00000000E-03\""),
                Arguments.of("CONF:CURR:DC", "CONFIGURE:CURRENT", "CONF?", "\"CURR " + NUMBER + "," + NUMBER + "\""),
                Arguments.of("WAV:FORM BYTE", "WAVEFORM:FORMAT byte", "WAV:FORM?", "BYTE"),
                Arguments.of("WAV:FORM ASC", "WAVeform:FORMat ASCii", "WAV:FORM?", "ASC"),
                Arguments.of("WAV:POIN 250", "WAVEFORM:POINTS 250", "WAV:POIN?", "250"),
                Arguments.of("SIM:STR OFF", "SIMULATION:STREAM OFF", "SIM:STREAM?", "0"));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("settings")
    void everySettingTakesEffectInShortAndLongForm(String shortForm, String longForm, String check, String expected)
            throws IOException {
        for (String cmd : List.of(shortForm, longForm)) {
            client.send("*RST;*CLS");
            client.send(cmd);
            String answer = client.query(check);
            assertTrue(answer.matches(expected), cmd + " then " + check + " answered '" + answer + "'");
            assertEquals(NO_ERROR, client.query("SYST:ERR?"), "after " + cmd);
        }
    }

    @Test
    void readingsAreNoisyAndFetchRepeatsTheLastOne() throws IOException {
        String a = client.query("READ?");
        String b = client.query("READ?");
        assertNotEquals(a, b, "two readings should differ by their noise");
        assertEquals(b, client.query("FETC?"));
        assertEquals(b, client.query("FETCH?"));
        double v = Double.parseDouble(a);
        assertTrue(Math.abs(v - 1.2346) < 0.01, "reading " + v);
    }

    @Test
    void fetchWithoutAReadingQueuesDataStale() throws IOException {
        client.send("*RST;FETC?");
        assertEquals("-230,\"Data stale\"", client.query("SYST:ERR?"));
    }

    @Test
    void overloadOnATooSmallRange() throws IOException {
        assertEquals("+9.90000000E+37", client.query("MEAS:VOLT:DC? 0.1"));
    }

    @Test
    void errorQueueReportsEachErrorOnceInOrder() throws IOException {
        client.send("FOO:BAR");
        client.send("CONF:VOLT:DC banana");
        client.send("WAV:POIN 5");
        client.send("*IDN? 3");
        client.send("*ESE");
        assertEquals("5", client.query("SYST:ERR:COUN?"));
        assertEquals("-113,\"Undefined header\"", client.query("SYST:ERR?"));
        assertEquals("-224,\"Illegal parameter value\"", client.query("SYST:ERR?"));
        assertEquals("-222,\"Data out of range\"", client.query("SYST:ERR?"));
        assertEquals("-108,\"Parameter not allowed\"", client.query("SYST:ERR?"));
        assertEquals("-109,\"Missing parameter\"", client.query("SYST:ERR?"));
        assertEquals(NO_ERROR, client.query("SYST:ERR?"));
        assertEquals(NO_ERROR, client.query("SYST:ERR?"));
    }

    @Test
    void partialAndWrongFormHeadersAreUndefined() throws IOException {
        for (String bad : List.of("MEASU:VOLT:DC?", "MEAS:VOLT:DC", "*IDN", "READ", "SYST:ERR", "WAV:DATA", "?", ":")) {
            client.send(bad);
            assertEquals("-113,\"Undefined header\"", client.query("SYST:ERR?"), bad);
        }
    }

    @Test
    void errorsSetStatusBitsAndClsClearsThem() throws IOException {
        client.send("*ESE 255");
        client.send("NOPE");
        assertEquals(Integer.toString(StatusModel.STB_EAV | StatusModel.STB_ESB), client.query("*STB?"));
        client.send("CONF:VOLT:DC xyz");
        assertEquals(Integer.toString(StatusModel.ESR_CME | StatusModel.ESR_EXE), client.query("*ESR?"));
        assertEquals("0", client.query("*ESR?"), "*ESR? clears the register");
        assertEquals(Integer.toString(StatusModel.STB_EAV), client.query("*STB?"));
        client.send("*CLS");
        assertEquals("0", client.query("*STB?"));
        assertEquals(NO_ERROR, client.query("SYST:ERR?"));
    }

    @Test
    void fullQueueEndsWithQueueOverflow() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < StatusModel.CAPACITY + 5; i++) {
            line.append("BAD").append(i).append(';');
        }
        client.send(line.toString());
        assertEquals(Integer.toString(StatusModel.CAPACITY), client.query("SYST:ERR:COUN?"));
        for (int i = 0; i < StatusModel.CAPACITY - 1; i++) {
            assertEquals("-113,\"Undefined header\"", client.query("SYST:ERR?"), "entry " + i);
        }
        assertEquals("-350,\"Queue overflow\"", client.query("SYST:ERR?"));
        assertEquals(NO_ERROR, client.query("SYST:ERR?"));
    }

    @Test
    void severalCommandsOnOneLineAnswerInOneMessage() throws IOException {
        assertEquals(SimulatedInstrument.IDENTITY + ";1", client.query("*IDN?;*OPC?"));
        // a header without a leading colon continues the previous one's path (SYST:), as IEEE 488.2 says
        assertEquals("1999.0;" + NO_ERROR, client.query("SYST:VERS?;ERR?"));
        client.send("WAV:POIN 10;FORM BYTE");
        assertEquals("10;BYTE", client.query("WAV:POIN?;FORM?"));
        String[] abs = client.query("MEAS:VOLT:DC?;MEAS:CURR:DC?;:SYST:ERR?").split(";");
        assertEquals(3, abs.length, Arrays.toString(abs));
        assertEquals("0,\"No error\"", abs[2]);
        assertTrue(client.query("CONF:CURR:DC;READ?").matches("\\+(1\\.00|9\\.99)\\d{6}E-0[34]"));
        assertEquals("7", client.query("WAV:POIN 77;*ESE 7;*ESE?"));
        assertEquals("77", client.query("WAV:POIN?"));
        assertEquals(NO_ERROR, client.query("SYST:ERR?"));
        assertEquals("-113,\"Undefined header\";1", client.query("NOPE;SYST:ERR?;*OPC?"));
    }

    @Test
    void waveformIsADefiniteBlockOfTheSeededSamples() throws IOException {
        byte[] r = client.queryBytes("WAV:DATA?");
        assertEquals("#42000", new String(r, 0, 6, StandardCharsets.US_ASCII));
        assertEquals(6 + 2000, r.length, "nothing after the block but the terminator");
        byte[] data = ScpiTestClient.blockData(r, 0);
        assertTrue(contains(data, (byte) '\n'), "the data should contain LF bytes, to test framing");
        List<Short> got = ScpiTestClient.int16le(data);
        short[] want = Waveform.samples(42, 0, 1000);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], (short) got.get(i), "sample " + i);
        }
        byte[] second = ScpiTestClient.blockData(client.queryBytes("WAVEFORM:DATA?"), 0);
        assertEquals(ScpiTestClient.int16le(Waveform.encode(Waveform.samples(42, 1, 1000), Waveform.Format.WORD)),
                ScpiTestClient.int16le(second));
        assertTrue(!Arrays.equals(data, second), "the next acquisition differs");
        client.send("*RST");
        assertArrayEquals(data, ScpiTestClient.blockData(client.queryBytes("WAV:DATA?"), 0), "*RST restarts acquisitions");
    }

    @Test
    void waveformFormatsAndPoints() throws IOException {
        client.send("WAV:FORM BYTE;POIN 64");
        byte[] data = ScpiTestClient.blockData(client.queryBytes("WAV:DATA?"), 0);
        short[] want = Waveform.samples(42, 0, 64);
        assertEquals(64, data.length);
        for (int i = 0; i < 64; i++) {
            assertEquals((byte) (want[i] >> 8), data[i], "sample " + i);
        }
        client.send("WAV:FORM ASC");
        String[] ascii = client.query("WAV:DATA?").split(",");
        short[] next = Waveform.samples(42, 1, 64);
        assertEquals(64, ascii.length);
        for (int i = 0; i < 64; i++) {
            assertEquals(next[i], Short.parseShort(ascii[i]), "sample " + i);
        }
    }

    @Test
    void blockThenTextInOneResponse() throws IOException {
        client.send("WAV:POIN 10");
        byte[] r = client.queryBytes("WAV:DATA?;*OPC?");
        byte[] data = ScpiTestClient.blockData(r, 0);
        assertEquals(20, data.length);
        assertEquals(";1", new String(r, 4 + 20, r.length - 24, StandardCharsets.US_ASCII));
    }

    @Test
    void screenshotIsAPngInABlock() throws IOException {
        byte[] r = client.queryBytes("HCOP:SDUM:DATA?");
        byte[] png = ScpiTestClient.blockData(r, 0);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, Arrays.copyOf(png, 8));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Screenshot.WIDTH, img.getWidth());
        assertEquals(Screenshot.HEIGHT, img.getHeight());
        assertEquals(png.length, ScpiTestClient.blockData(client.queryBytes("HCOPY:SDUMP:DATA?"), 0).length > 0
                ? png.length : -1);
    }

    @Test
    void severalClientsHaveTheirOwnErrorQueuesAndSettings() throws Exception {
        try (ScpiTestClient other = new ScpiTestClient(sim.port())) {
            client.send("UNKNOWN");
            client.send("WAV:POIN 33");
            assertEquals(NO_ERROR, other.query("SYST:ERR?"));
            assertEquals("1000", other.query("WAV:POIN?"));
            assertEquals("-113,\"Undefined header\"", client.query("SYST:ERR?"));
            assertEquals("33", client.query("WAV:POIN?"));
            assertEquals(2, sim.clientCount());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int id = c;
                Callable<Integer> task = () -> {
                    try (ScpiTestClient cl = new ScpiTestClient(sim.port())) {
                        for (int i = 0; i < 50; i++) {
                            cl.send("*ESE " + (id * 50 + i) % 256);
                            assertEquals(Integer.toString((id * 50 + i) % 256), cl.query("*ESE?"));
                            assertEquals(4000, ScpiTestClient.blockData(cl.queryBytes("WAV:POIN 2000;DATA?"), 0).length);
                        }
                        return 50;
                    }
                };
                results.add(pool.submit(task));
            }
            for (Future<Integer> f : results) {
                assertEquals(50, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tooLongLineQueuesTooMuchDataAndTheNextLineWorks() throws IOException {
        byte[] longLine = new byte[SimClient.MAX_LINE + 100];
        Arrays.fill(longLine, (byte) 'A');
        client.sendRaw(longLine);
        client.send("");
        assertEquals("-223,\"Too much data\"", client.query("SYST:ERR?"));
        assertEquals("1", client.query("*OPC?"));
    }

    @Test
    void crlfCommandsWorkWithAnLfTerminator() throws IOException {
        client.sendRaw("*OPC?\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("1", new String(client.readResponse(), StandardCharsets.US_ASCII));
    }

    @Test
    void crlfTerminatorEndsResponsesWithCrLf() throws IOException {
        try (SimulatedInstrument crlf = new SimulatedInstrument(
                SimConfig.ephemeral().withTerminator(SimConfig.Terminator.CRLF)).start();
             ScpiTestClient c = new ScpiTestClient(crlf.port())) {
            assertEquals("1\r", c.query("*OPC?"));
        }
        try (SimulatedInstrument cr = new SimulatedInstrument(
                SimConfig.ephemeral().withTerminator(SimConfig.Terminator.CR)).start();
             Socket s = new Socket("127.0.0.1", cr.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("*OPC?\r".getBytes(StandardCharsets.US_ASCII));
            byte[] two = s.getInputStream().readNBytes(2);
            assertEquals("1\r", new String(two, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void closeStopsListeningAndDisconnectsClients() throws IOException {
        int port = sim.port();
        assertEquals("1", client.query("*OPC?"));
        sim.close();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        assertThrows(IOException.class, () -> client.query("*OPC?"));
    }

    @Test
    void startTwiceOnTheSamePortFailsNamingTheAddress() {
        SimulatedInstrument second = new SimulatedInstrument(SimConfig.ephemeral().withPort(sim.port()));
        IOException e = assertThrows(IOException.class, second::start);
        assertTrue(e.getMessage().contains("127.0.0.1:" + sim.port()), e.getMessage());
    }

    private static boolean contains(byte[] a, byte b) {
        for (byte x : a) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }
}
