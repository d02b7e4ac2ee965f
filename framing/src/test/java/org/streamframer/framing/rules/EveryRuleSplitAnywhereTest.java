package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.streamframer.framing.rules.Outcomes.b;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.RuleHarness;

/**
 * Every rule of this package on meaningful inputs: the same frames and errors whole, split at
 * every point, one byte at a time and in seeded random chunks, and they are the expected ones.
 */
class EveryRuleSplitAnywhereTest {

    private static final String TOO_LONG = "!FrameTooLongException";
    private static final String CORRUPT = "!CorruptFrameException";

    static Stream<Arguments> cases() {
        byte[][] crlfSemicolon = {b("\r\n"), b(";")};
        byte[][] anyLineEnd = {b("\r"), b("\r\n"), b("\n")};
        return Stream.of(
                arguments("lines strip CR before LF", new LineRule(true, 8),
                        "abc\r\nde\n\nx\ry\r\n\r\n12345678\r\n\r\r\n",
                        List.of("abc", "de", "", "x\ry", "", "12345678", "\r")),
                arguments("lines keep the CR", new LineRule(false, 8), "abc\r\nde\n\r\n",
                        List.of("abc\r", "de", "\r")),
                arguments("an over-long line is reported once", new LineRule(true, 4),
                        "ab\r\ntoolongline\r\n1234\r\ncd\n", List.of("ab", TOO_LONG, "1234", "cd")),
                arguments("an over-long line fails fast", new LineRule(true, 4, true),
                        "ab\r\ntoolongline\r\n1234\r\ncd\n", List.of("ab", TOO_LONG, "1234", "cd")),
                arguments("EOT stripped", new EotRule(), "READY\4OK\4\4", List.of("READY", "OK", "")),
                arguments("EOT kept", new EotRule(EotRule.EOT, false, 16, false), "READY\4OK\4",
                        List.of("READY\4", "OK\4")),
                arguments("another EOT byte", new EotRule((byte) 0xff, true, 16, false), "a\u00ffb\u00ff",
                        List.of("a", "b")),
                arguments("an over-long EOT frame", new EotRule(EotRule.EOT, true, 3, false),
                        "abc\4abcd\4\4x\4", List.of("abc", TOO_LONG, "", "x")),
                arguments("an over-long EOT frame fails fast", new EotRule(EotRule.EOT, true, 3, true),
                        "abc\4abcdefgh\4\4x\4", List.of("abc", TOO_LONG, "", "x")),
                arguments("one-byte delimiter", Rules.cr(), "a\rbc\r\r", List.of("a", "bc", "")),
                arguments("CRLF delimiter", Rules.crlf(), "ab\r\ncd\r\r\n\n\r\n\r",
                        List.of("ab", "cd\r", "\n")),
                arguments("self-overlapping delimiter", new DelimiterRule(b("aab"), true, 16),
                        "aaabxaabaab", List.of("a", "x", "")),
                arguments("delimiter kept", new DelimiterRule(b("END"), false, 16), "oneENDtwoENDEND",
                        List.of("oneEND", "twoEND", "END")),
                arguments("two delimiters, the shortest frame wins",
                        new DelimiterRule(crlfSemicolon, true, 16, false), "ab\r\nc;d;\r;x\r\r\n",
                        List.of("ab", "c", "d", "\r", "x\r")),
                arguments("two delimiters kept", new DelimiterRule(crlfSemicolon, false, 16, false),
                        "ab\r\nc;", List.of("ab\r\n", "c;")),
                arguments("CR, CRLF or LF: the longest delimiter at the same place wins",
                        new DelimiterRule(anyLineEnd, true, 16, false), "a\r\nb\rc\nd\r\r\n\n",
                        List.of("a", "b", "c", "d", "", "")),
                arguments("an over-long delimited frame", new DelimiterRule(b("\r\n"), true, 4),
                        "ab\r\n0123456789\r\n0123\r\ncd\r\n", List.of("ab", TOO_LONG, "0123", "cd")),
                arguments("an over-long delimited frame fails fast",
                        new DelimiterRule(new byte[][] {b("\r\n")}, true, 4, true),
                        "ab\r\n0123456789\r\n0123\r\ncd\r\n", List.of("ab", TOO_LONG, "0123", "cd")),
                arguments("an over-long frame between several delimiters",
                        new DelimiterRule(crlfSemicolon, true, 4, false), "ab;0123456789\r\n0123;cd\r\n",
                        List.of("ab", TOO_LONG, "0123", "cd")),
                arguments("a kept delimiter counts towards the maximum", new DelimiterRule(b("\r\n"), false, 4),
                        "ab\r\nabc\r\nabcdef\r\ncd\r\n", List.of("ab\r\n", TOO_LONG, TOO_LONG, "cd\r\n")),
                arguments("fixed length", new FixedLengthRule(3), "ABCDEFGH", List.of("ABC", "DEF")),
                arguments("fixed length one", new FixedLengthRule(1), "AB", List.of("A", "B")),
                arguments("length field", Rules.lengthField(2),
                        "\0\5HELLO\0\0\0\1X", List.of("HELLO", "", "X")),
                arguments("length field too long, skipped, next intact",
                        new LengthFieldRule(0, 2, ByteOrder.BIG_ENDIAN, 0, 2, 8),
                        "\0\5HELLO\0\u0010" + "0123456789abcdef" + "\0\1X", List.of("HELLO", TOO_LONG, "X")),
                arguments("negative 8-byte length field, header skipped",
                        new LengthFieldRule(0, 8, ByteOrder.BIG_ENDIAN, 0, 8, 64),
                        "\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\0\0\0\0\0\0\0\2OK",
                        List.of(CORRUPT, "OK")));
    }

    private static Arguments arguments(String name, FrameRule rule, String input, List<String> expected) {
        return Arguments.of(name, rule, input, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesTheExpectedFramesHoweverTheBytesAreSplit(String name, FrameRule rule, String input,
                                                       List<String> expected) {
        assertEquals(expected, Outcomes.text(RuleHarness.assertSplitInvariant(rule, b(input))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void severalFramesInOneReadComeOutWithoutFurtherReads(String name, FrameRule rule, String input,
                                                          List<String> expected) throws Exception {
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(b(input));
        List<String> frames = new ArrayList<>();
        while (true) {
            try (Frame f = buffer.next(rule)) {
                if (f == null) {
                    break;
                }
                frames.add(new String(f.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
            } catch (org.streamframer.framing.FramingException e) {
                frames.add("!" + e.getClass().getSimpleName());
            }
        }
        assertEquals(expected, frames);
    }
}
