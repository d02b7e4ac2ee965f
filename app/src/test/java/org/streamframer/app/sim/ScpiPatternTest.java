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

    @Test
    void badPatternsFailAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScpiPattern.parse("MEAS[:VOLT"));
        assertTrue(e.getMessage().contains("MEAS[:VOLT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScpiPattern.parse("meas:volt?"));
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
