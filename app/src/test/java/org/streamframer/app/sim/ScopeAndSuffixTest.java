package org.streamframer.app.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numeric header suffixes (CHANnel&lt;n&gt;), the scope's two channels, numbers with units, and their errors. */
class ScopeAndSuffixTest {

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

    private void assertNoError(String after) throws IOException {
        assertEquals(NO_ERROR, client.query("SYST:ERR?"), after);
    }

    @ParameterizedTest(name = "{0} -> {1}?")
    @CsvSource(delimiter = '|', value = {
        "CHAN1:SCAL 0.5          | CHAN1:SCAL       | +5.00000000E-01",
        "chan2:scal 200 mV       | CHANNEL2:SCALE   | +2.00000000E-01",
        "CHANNEL2:SCALE 2V       | CHAN2:SCAL       | +2.00000000E+00",
        "CHAN:SCAL 0.25          | CHAN1:SCAL       | +2.50000000E-01",
        "CHAN1:SCAL MAX          | CHAN:SCAL        | +1.00000000E+01",
        "CHAN1:SCAL MIN          | CHAN1:SCAL       | +1.00000000E-03",
        "CHAN1:SCAL DEF          | CHAN1:SCAL       | +1.00000000E+00",
        "CHAN2:OFFS -1.5         | CHAN2:OFFS       | -1.50000000E+00",
        "channel1:offset 250mv   | chan1:offs       | +2.50000000E-01",
        "CHAN1:OFFS 1 KV         | CHAN1:OFFS       | +1.00000000E+03",
        "WAV:SOUR CHAN2          | WAV:SOUR         | CHAN2",
        "waveform:source channel1 | WAVEFORM:SOURCE | CHAN1",
        "WAV:SOUR CHAN           | WAV:SOUR         | CHAN1",
        "WAV:POIN MAX            | WAV:POIN         | 1000000",
    })
    void settingsWithSuffixesAndUnits(String setting, String query, String expected) throws IOException {
        if (setting.startsWith("CHAN1:OFFS 1 KV")) {
            client.send(setting);
            assertEquals("-222,\"Data out of range\"", client.query("SYST:ERR?"), "1 kV is beyond 100 V");
            client.send("CHAN1:OFFS 0.001 KV");
            assertEquals("+1.00000000E+00", client.query(query + "?"));
            assertNoError(setting);
            return;
        }
        client.send(setting);
        assertEquals(expected, client.query(query + "?"), setting);
        assertNoError(setting);
    }

    @Test
    void channelsAreSeparateAndRstRestoresThem() throws IOException {
        client.send("CHAN2:SCAL 0.1;:CHAN1:OFFS 2;:WAV:SOUR CHAN2");
        assertEquals("+1.00000000E+00;+1.00000000E-01;+2.00000000E+00;+0.00000000E+00",
                client.query("CHAN1:SCAL?;:CHAN2:SCAL?;:CHAN1:OFFS?;:CHAN2:OFFS?"));
        assertEquals("+1.00000000E-01;+0.00000000E+00", client.query("CHAN2:SCAL?;OFFS?"),
                "a relative header keeps the suffix of the path (CHAN2:)");
        client.send("*RST");
        assertEquals("+1.00000000E+00;+1.00000000E+00;CHAN1", client.query("CHAN1:SCAL?;:CHAN2:SCAL?;:WAV:SOUR?"));
        assertNoError("*RST");
    }

    @Test
    void channel2IsASquareWaveAndChannel1TheSine() throws IOException {
        client.send("WAV:SOUR CHAN2");
        List<Short> ch2 = ScpiTestClient.int16le(ScpiTestClient.blockData(client.queryBytes("WAV:DATA?"), 0));
        assertEquals(1000, ch2.size());
        // 0 V or 2.5 V (8000 counts at 1 V/div), noise 0.02 V (64 counts): nothing in between
        int high = 0;
        for (short v : ch2) {
            assertTrue(Math.abs(v) < 400 || Math.abs(v - 8000) < 400, "sample " + v);
            high += v > 4000 ? 1 : 0;
        }
        assertTrue(high > 400 && high < 600, high + " high samples of 1000");
        short[] ch2Want = Waveform.samples(42, 0, 1000, new ScopeChannel(2));
        for (int i = 0; i < 1000; i++) {
            assertEquals(ch2Want[i], (short) ch2.get(i), "sample " + i);
        }
        client.send("WAV:SOUR CHAN1");
        List<Short> ch1 = ScpiTestClient.int16le(ScpiTestClient.blockData(client.queryBytes("WAV:DATA?"), 0));
        short[] want = Waveform.samples(42, 1, 1000);
        for (int i = 0; i < 1000; i++) {
            assertEquals(want[i], (short) ch1.get(i), "sample " + i);
        }
        assertNoError("WAV:DATA?");
    }

    @Test
    void scaleAndOffsetTurnVoltsIntoCountsAndYincYorTurnThemBack() throws IOException {
        short[] atOneVolt = Waveform.samples(42, 0, 1000, new ScopeChannel(2));
        client.send("WAV:SOUR CHAN2;:CHAN2:SCAL 0.5;OFFS 1.25");
        List<Short> got = ScpiTestClient.int16le(ScpiTestClient.blockData(client.queryBytes("WAV:DATA?"), 0));
        double yinc = Double.parseDouble(client.query("WAV:YINC?"));
        double yor = Double.parseDouble(client.query("WAV:YOR?"));
        assertEquals(0.5 / 3200, yinc, 1e-15);
        assertEquals(1.25, yor, 0);
        for (int i = 0; i < 1000; i++) {
            double volts = atOneVolt[i] / 3200.0; // the same acquisition at 1 V/div, offset 0 (a new client would see it)
            assertEquals(volts, got.get(i) * yinc + yor, 1e-3, "sample " + i);
        }
        client.send("WAV:FORM BYTE");
        assertEquals(0.5 / 3200 * 256, Double.parseDouble(client.query("WAV:YINC?")), 1e-15);
        client.send("CHAN2:SCAL 0.001");
        client.send("WAV:FORM WORD");
        List<Short> clipped = ScpiTestClient.int16le(ScpiTestClient.blockData(client.queryBytes("WAV:DATA?"), 0));
        assertTrue(clipped.contains(Short.MAX_VALUE) && clipped.contains(Short.MIN_VALUE),
                "at 1 mV/div the trace runs off the screen both ways and clips, like an ADC");
        assertNoError("scale and offset");
    }

    @Test
    void dmmRangesAndResolutionsTakeUnitsAndKeywords() throws IOException {
        assertEquals("+9.90000000E+37", client.query("MEAS:VOLT:DC? 100 mV"), "1.23 V on the 100 mV range");
        assertTrue(client.query("MEAS:VOLT:DC? 10,0.001").startsWith("+1.23"));
        assertEquals("\"VOLT +1.00000000E+01,+1.00000000E-03\"", client.query("CONF?"));
        client.send("CONF:VOLT:DC 10 V,1 mV");
        assertEquals("\"VOLT +1.00000000E+01,+1.00000000E-03\"", client.query("CONF?"));
        client.send("CONF:VOLT:DC 2kV");
        assertEquals("-222,\"Data out of range\"", client.query("SYST:ERR?"), "2 kV is above the 1000 V range");
        client.send("CONF:CURR:DC 10 mA,1 uA");
        assertEquals("\"CURR +1.00000000E-02,+1.00000000E-06\"", client.query("CONF?"));
        client.send("CONF:CURR:DC 1 MAA");
        assertEquals("-222,\"Data out of range\"", client.query("SYST:ERR?"), "MA is mega: a megaamp");
        assertTrue(client.query("MEAS:CURR:DC? MAX,MIN").startsWith("+"));
        assertEquals("\"CURR +3.00000000E+00,+3.00000000E-07\"", client.query("CONF?"));
        client.send("CONF:VOLT:DC DEF,DEF");
        assertEquals("\"VOLT +0.00000000E+00,+3.00000000E-06\"", client.query("CONF?"));
        assertNoError("units");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "CHAN3:SCAL 1           | -114,\"Header suffix out of range\"",
        "CHAN0:OFFS 1           | -114,\"Header suffix out of range\"",
        "CHANNEL3:SCALE?        | -114,\"Header suffix out of range\"",
        "CHAN99999999999:SCAL?  | -114,\"Header suffix out of range\"",
        "CHA1:SCAL?             | -113,\"Undefined header\"",
        "MEAS2:VOLT:DC?         | -113,\"Undefined header\"",
        "CONF:VOLT:DC 10 A      | -131,\"Invalid suffix\"",
        "MEAS:CURR:DC? 1 V      | -131,\"Invalid suffix\"",
        "CHAN1:SCAL 1 QV        | -131,\"Invalid suffix\"",
        "CHAN1:SCAL 1 m         | -131,\"Invalid suffix\"",
        "WAV:POIN 100 V         | -138,\"Suffix not allowed\"",
        "*ESE 4V                | -138,\"Suffix not allowed\"",
        "CHAN1:SCAL             | -109,\"Missing parameter\"",
        "CONF:VOLT:DC 10,       | -109,\"Missing parameter\"",
        "MEAS:VOLT:DC? ,0.001   | -109,\"Missing parameter\"",
        "WAV:SOUR               | -109,\"Missing parameter\"",
        "CHAN1:SCAL 0.5,1       | -108,\"Parameter not allowed\"",
        "CHAN1:SCAL 20          | -222,\"Data out of range\"",
        "CHAN1:OFFS -101        | -222,\"Data out of range\"",
        "CHAN1:SCAL banana      | -224,\"Illegal parameter value\"",
        "WAV:SOUR CHAN3         | -224,\"Illegal parameter value\"",
        "WAV:SOUR MATH          | -224,\"Illegal parameter value\"",
        "WAV:POIN 100.5         | -224,\"Illegal parameter value\"",
    })
    void badSuffixesAndParametersQueueTheRightError(String command, String error) throws IOException {
        client.send("CHAN1:SCAL 0.5;:CHAN1:OFFS 0.5;:WAV:SOUR CHAN2;:WAV:POIN 500");
        if (command.endsWith("?")) {
            assertEquals(error + ";1", client.query(command + ";:SYST:ERR?;*OPC?"), "a failed query answers nothing");
        } else {
            client.send(command);
            assertEquals(error, client.query("SYST:ERR?"), command);
        }
        assertNoError(command);
        assertEquals("+5.00000000E-01;+5.00000000E-01;CHAN2;500", client.query("CHAN1:SCAL?;OFFS?;:WAV:SOUR?;POIN?"),
                command + " changed nothing");
    }

    @Test
    void shortAndLongFormsAnswerAlike() throws IOException {
        client.send("CHANnel2:SCALe 0.5");
        assertArrayEquals(new String[] {"+5.00000000E-01", "+5.00000000E-01", "+5.00000000E-01"},
                new String[] {client.query("CHAN2:SCAL?"), client.query("channel2:scale?"), client.query(":CHANNEL2:SCAL?")});
        assertNoError("forms");
    }
}
