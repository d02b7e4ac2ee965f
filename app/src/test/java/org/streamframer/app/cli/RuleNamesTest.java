package org.streamframer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleNamesTest {

    @ParameterizedTest
    @CsvSource({"scpi,ScpiResponseRule", "SCPI,ScpiResponseRule", "lines,LineRule", "lf,LineRule", "crlf,DelimiterRule",
        "cr,DelimiterRule", "eot,EotRule", "fstrm,FstrmRule", "slip,SlipRule", "cobs,CobsRule", "fixed:8,FixedLengthRule",
        "length:2,LengthFieldRule", "idle:5,IdleGapRule", "delimiter:0d0a,DelimiterRule"})
    void namesMakeTheirRules(String name, String type) {
        assertEquals(type, RuleNames.parse(name).getClass().getSimpleName());
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleNames.parse("morse"));
        assertTrue(e.getMessage().contains("unknown rule 'morse'") && e.getMessage().contains("slip, cobs"), e.getMessage());
    }

    @Test
    void badArgumentsSayWhich() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RuleNames.parse("fixed:0")).getMessage()
                .startsWith("rule 'fixed:0': "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RuleNames.parse("length:5")).getMessage()
                .startsWith("rule 'length:5': "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RuleNames.parse("delimiter:zz")).getMessage()
                .contains("'zz' is not hex bytes"));
    }
}
