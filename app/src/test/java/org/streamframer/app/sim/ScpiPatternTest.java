package org.streamframer.app.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScpiPatternTest {

    private static boolean matches(String pattern, String header) {
        boolean query = header.endsWith("?");
        String h = query ? header.substring(0, header.length() - 1) : header;
        return ScpiPattern.parse(pattern).matches(List.of(h.split(":")), query);
    }

    @Test
    void shortAndLongFormsMatchInAnyCase() {
        String p = "MEASure:VOLTage[:DC]?";
        for (String h : List.of("MEAS:VOLT:DC?", "MEASURE:VOLTAGE:DC?", "meas:volt:dc?", "MeAsUrE:volt?", "MEAS:VOLTAGE?")) {
            assertTrue(matches(p, h), h);
        }
    }

    @Test
    void partialFormsAndWrongQueryFormDoNotMatch() {
        String p = "MEASure:VOLTage[:DC]?";
        for (String h : List.of("MEASU:VOLT:DC?", "MEA:VOLT?", "MEAS:VOLT:DC", "MEAS:VOLT:DC:DC?", "MEAS?", "VOLT:DC?")) {
            assertFalse(matches(p, h), h);
        }
    }

    @Test
    void optionalNodesAnywhere() {
        assertTrue(matches("[SENSe:]VOLTage:RANGe", "VOLT:RANG"));
        assertTrue(matches("[SENSe:]VOLTage:RANGe", "sens:volt:range"));
        assertTrue(matches("SYSTem:ERRor[:NEXT]?", "SYST:ERR:NEXT?"));
        assertTrue(matches("SYSTem:ERRor[:NEXT]?", "system:error?"));
        assertFalse(matches("SYSTem:ERRor[:NEXT]?", "SYST:NEXT?"));
    }

    @Test
    void commonCommandsAreExact() {
        assertTrue(matches("*IDN?", "*idn?"));
        assertFalse(matches("*IDN?", "*ID?"));
        assertFalse(matches("*IDN?", "IDN?"));
    }

    private static ScpiPattern.Match match(String pattern, String header) {
        boolean query = header.endsWith("?");
        String h = query ? header.substring(0, header.length() - 1) : header;
        return ScpiPattern.parse(pattern).match(List.of(h.split(":")), query);
    }

    @Test
    void numericSuffixesInShortAndLongFormsDefaultTo1() {
        String p = "CHANnel<1-4>:SCALe?";
        assertEquals(2, match(p, "CHAN2:SCAL?").suffix(0));
        assertEquals(4, match(p, "channel4:scale?").suffix(0));
        assertEquals(1, match(p, "CHAN:SCAL?").suffix(0), "left out, the suffix is 1");
        assertEquals(1, match(p, "CHANNEL:SCALE?").suffix(0));
        assertEquals(3, match(p, "Chan03:Scal?").suffix(0));
        assertTrue(match(p, "CHAN2:SCAL?").inRange());
        for (String h : List.of("CHA2:SCAL?", "CHANN2:SCAL?", "CHAN2:SCAL", "CHAN2:SCAL2?", "2:SCAL?", "CHAN2SCAL?")) {
            assertEquals(null, match(p, h), h);
        }
    }

    @Test
    void suffixesOutOfRangeStillNameTheCommand() {
        String p = "CHANnel<1-2>:SCALe";
        for (String h : List.of("CHAN3:SCAL", "CHAN0:SCAL", "CHANNEL99999999999999:SCAL")) {
            ScpiPattern.Match m = match(p, h);
            assertTrue(m != null && !m.inRange(), h);
        }
        assertTrue(match("OUTPut<n>", "OUTP12345").inRange());
        assertEquals(12345, match("OUTPut<n>", "OUTP12345").suffix(0));
        assertFalse(match("OUTPut<n>", "OUTP0").inRange());
    }

    @Test
    void severalSuffixesAndOptionalSuffixedNodes() {
        ScpiPattern.Match m = match("[SOURce<1-2>:]TRACe<1-8>:DATA?", "SOUR2:TRAC5:DATA?");
        assertEquals(List.of(2, 5), List.of(m.suffix(0), m.suffix(1)));
        m = match("[SOURce<1-2>:]TRACe<1-8>:DATA?", "TRACE7:DATA?");
        assertEquals(List.of(1, 7), List.of(m.suffix(0), m.suffix(1)), "a left-out optional node has suffix 1");
        assertFalse(matches("MEASure:VOLTage[:DC]?", "MEAS2:VOLT?"), "no suffix where the pattern takes none");
    }

    @Test
    void badPatternsFailAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScpiPattern.parse("MEAS[:VOLT"));
        assertTrue(e.getMessage().contains("MEAS[:VOLT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScpiPattern.parse("meas:volt?"));
        assertThrows(IllegalArgumentException.class, () -> ScpiPattern.parse("CHANnel<x>:SCALe"));
        assertThrows(IllegalArgumentException.class, () -> ScpiPattern.parse("CHANnel<4-1>:SCALe"));
    }

    @Test
    void programMessageSplitsCommandsAndParametersOutsideQuotes() {
        List<ProgramMessage.Command> c = ProgramMessage.parse(" CONF:VOLT:DC 10, 0.001 ;*OPC?; :SYST:ERR? ;DISP:TEXT \"a;b,c\";");
        assertEquals(4, c.size());
        assertEquals(List.of("CONF", "VOLT", "DC"), c.get(0).nodes());
        assertEquals(List.of("10", "0.001"), c.get(0).params());
        assertTrue(c.get(1).common() && c.get(1).query());
        assertTrue(c.get(2).absolute());
        assertEquals(List.of("\"a;b,c\""), c.get(3).params());
    }
}
