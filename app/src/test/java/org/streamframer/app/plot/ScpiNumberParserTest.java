package org.streamframer.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScpiNumberParserTest {

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "+1.23456E-03        | 0.00123456 | ''",
            "-0.5 V              | -0.5       | V",
            "42                  | 42         | ''",
            "-17                 | -17        | ''",
            "+.5e+2              | 50         | ''",
            "3.                  | 3          | ''",
            "12.5mA              | 12.5       | mA",
            "'  +2.000000E+00 VDC\r\n' | 2   | VDC",
            "1.5E+00 OHM         | 1.5        | OHM",
            "99 %                | 99         | %",
            "-9.89E37            | -9.89E37   | ''",
            "#HFF                | 255        | ''",
            "#Q17                | 15         | ''",
            "#B1010              | 10         | ''",
    })
    void numbersWithOptionalUnit(String text, double value, String unit) {
        Reading r = ScpiNumberParser.parse(text);
        Reading.Value v = assertInstanceOf(Reading.Value.class, r, () -> "for " + text + ": " + r);
        assertEquals(value, v.value(), Math.abs(value) * 1e-12);
        assertEquals(unit, v.unit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.9E37", "+9.9E+37", "9.90000E+37 V", "1E999", "INF"})
    void scpiOverflowIsFlaggedPositive(String text) {
        Reading.Overflow o = assertInstanceOf(Reading.Overflow.class, ScpiNumberParser.parse(text));
        assertEquals(false, o.negative());
    }

    @Test
    void negativeOverflowKeepsItsSignAndUnit() {
        Reading.Overflow o = assertInstanceOf(Reading.Overflow.class, ScpiNumberParser.parse("-9.9E37 V"));
        assertEquals(true, o.negative());
        assertEquals("V", o.unit());
        assertInstanceOf(Reading.Overflow.class, ScpiNumberParser.parse("NINF"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.91E37", "+9.91E+37", "NAN", "nan"})
    void scpiNotANumber(String text) {
        assertInstanceOf(Reading.NotANumber.class, ScpiNumberParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "   ", "1,2,3", "--1", "1.2.3", "E5", "+", ".", "1e", "V 1.0",
            "#HXYZ", "#H", "1.0 V extra", "0x10", "-110,\"Command header error\""})
    void garbageIsGarbageWithItsText(String text) {
        Reading.Garbage g = assertInstanceOf(Reading.Garbage.class, ScpiNumberParser.parse(text), text);
        assertEquals(text.strip(), g.text());
    }

    @Test
    void nullIsGarbage() {
        assertInstanceOf(Reading.Garbage.class, ScpiNumberParser.parse(null));
    }
}
