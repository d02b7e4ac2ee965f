package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.streamframer.framing.rules.Outcomes.b;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.RuleHarness;

class DelimiterRuleTest {

    @Test
    void theShortestFrameWinsWhateverTheOrderOfTheDelimiters() {
        byte[] input = b("abcEND\nx\nyEND");
        DelimiterRule a = new DelimiterRule(new byte[][] {b("\n"), b("END")}, true, 64, false);
        DelimiterRule c = new DelimiterRule(new byte[][] {b("END"), b("\n")}, true, 64, false);
        List<String> expected = List.of("abc", "", "x", "y");
        assertEquals(expected, Outcomes.text(RuleHarness.assertSplitInvariant(a, input)));
        assertEquals(expected, Outcomes.text(RuleHarness.assertSplitInvariant(c, input)));
    }

    @Test
    void aFrameEndingInCrWaitsForTheNextByteWhenCrlfIsAlsoADelimiter() throws Exception {
        DelimiterRule rule = new DelimiterRule(new byte[][] {b("\r"), b("\r\n")}, true, 64, false);
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(b("a\r"));
        assertNull(buffer.next(rule), "the CR may be the start of CRLF");
        buffer.append(b("b"));
        try (Frame f = buffer.next(rule)) {
            assertEquals("a", f.toString(StandardCharsets.ISO_8859_1));
        }
        buffer.append(b("\r\n"));
        try (Frame f = buffer.next(rule)) {
            assertEquals("b", f.toString(StandardCharsets.ISO_8859_1));
        }
        assertEquals(0, buffer.readable());
    }

    @Test
    void aDelimiterSplitAcrossReadsIsFound() throws Exception {
        DelimiterRule rule = new DelimiterRule(b("<EOM>"), true, 64);
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        for (String part : new String[] {"hello<E", "O", "M"}) {
            buffer.append(b(part));
            assertNull(buffer.next(rule));
        }
        buffer.append(b(">rest"));
        try (Frame f = buffer.next(rule)) {
            assertEquals("hello", f.toString(StandardCharsets.ISO_8859_1));
        }
        assertEquals(4, buffer.readable());
    }

    @Test
    void delimitersWithHighBytesAreFound() {
        DelimiterRule rule = new DelimiterRule(new byte[][] {{(byte) 0xff, 0}, {(byte) 0x80}}, true, 64, false);
        var out = RuleHarness.assertSplitInvariant(rule, new byte[] {1, (byte) 0xff, 0, 2, (byte) 0x80, (byte) 0xff, 1});
        assertEquals(List.of("01", "02"), out.stream().map(RuleHarness.Outcome::hex).toList());
    }

    @Test
    void theRuleKeepsItsOwnCopyOfTheDelimiters() {
        byte[] d = b("\r\n");
        DelimiterRule rule = new DelimiterRule(d, true, 64);
        d[0] = 'x';
        rule.delimiters()[0][0] = 'y';
        assertArrayEquals(b("\r\n"), rule.delimiters()[0]);
    }

    @Test
    void constructorArgumentsAreCheckedByName() {
        assertEquals("delimiters is empty: give at least one delimiter", assertThrows(IllegalArgumentException.class,
                () -> new DelimiterRule(new byte[0][], true, 64, false)).getMessage());
        assertEquals("delimiters[1] is empty", assertThrows(IllegalArgumentException.class,
                () -> new DelimiterRule(new byte[][] {b(";"), b("")}, true, 64, false)).getMessage());
        assertEquals("delimiters[1] is null", assertThrows(NullPointerException.class,
                () -> new DelimiterRule(new byte[][] {b(";"), null}, true, 64, false)).getMessage());
        assertEquals("delimiters[2] repeats delimiters[0]: 0d0a", assertThrows(IllegalArgumentException.class,
                () -> new DelimiterRule(new byte[][] {b("\r\n"), b(";"), b("\r\n")}, true, 64, false)).getMessage());
        assertEquals("delimiter", assertThrows(NullPointerException.class,
                () -> new DelimiterRule((byte[]) null, true, 64)).getMessage());
        assertEquals("maxFrameLength < 1: -3", assertThrows(IllegalArgumentException.class,
                () -> new DelimiterRule(b(";"), true, -3)).getMessage());
    }

    @Test
    void otherRulesCheckTheirArgumentsByName() {
        assertEquals("maxFrameLength < 1: 0", assertThrows(IllegalArgumentException.class,
                () -> new LineRule(true, 0)).getMessage());
        assertEquals("maxFrameLength < 1: 0", assertThrows(IllegalArgumentException.class,
                () -> new EotRule(EotRule.EOT, true, 0, false)).getMessage());
        assertEquals("length < 1: 0", assertThrows(IllegalArgumentException.class,
                () -> new FixedLengthRule(0)).getMessage());
    }

    @Test
    void theFactoriesMakeTheDocumentedRules() {
        assertEquals(List.of("a\r", "b"), Outcomes.text(RuleHarness.whole(Rules.lf(), b("a\r\nb\n"))));
        assertEquals(List.of("a", "b"), Outcomes.text(RuleHarness.whole(Rules.lines(), b("a\r\nb\n"))));
        assertEquals(List.of("a\nb"), Outcomes.text(RuleHarness.whole(Rules.crlf(), b("a\nb\r\n"))));
        assertEquals(List.of("a", "\nb"), Outcomes.text(RuleHarness.whole(Rules.cr(), b("a\r\nb\r"))));
        assertEquals(List.of("a"), Outcomes.text(RuleHarness.whole(Rules.eot(), b("a\4"))));
        assertEquals(List.of("a", "b"), Outcomes.text(RuleHarness.whole(Rules.delimiter(b("|"), b("||")), b("a||b|c"))));
        assertEquals(List.of("ab"), Outcomes.text(RuleHarness.whole(Rules.fixedLength(2), b("abc"))));
        assertEquals(List.of("hi"), Outcomes.text(RuleHarness.whole(Rules.lengthField(1), b("\2hi"))));
        assertEquals(Rules.DEFAULT_MAX_FRAME_LENGTH, Rules.lines().maxFrameLength());
    }
}
