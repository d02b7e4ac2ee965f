package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.RuleHarness;
import org.streamframer.framing.RuleHarness.Outcome;
import org.streamframer.framing.fstrm.ControlFrame;
import org.streamframer.framing.fstrm.ControlType;
import org.streamframer.framing.fstrm.FstrmEncoder;
import org.streamframer.framing.fstrm.FstrmRule;
import org.streamframer.framing.rules.IdleGapHarness.FakeClock;
import org.streamframer.framing.rules.ScpiResponseRule.Terminator;

/** Every factory on {@link Rules} builds a rule that frames its format, split every way. */
class RulesTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> frames(FrameRule rule, byte[] input) {
        return RuleHarness.assertSplitInvariant(rule, input).stream()
                .map(o -> o.isFrame() ? new String(o.bytes(), StandardCharsets.ISO_8859_1) : "!" + o.error())
                .toList();
    }

    private static List<String> frames(FrameRule rule, String input) {
        return frames(rule, b(input));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ the core rules

    @Test
    void lineAndDelimiterFactoriesFrameTheirLineEnds() {
        assertEquals(List.of("a\r", "b"), frames(Rules.lf(), "a\r\nb\n"));
        assertEquals(List.of("a", "b"), frames(Rules.lines(), "a\r\nb\n"));
        assertEquals(List.of("!FrameTooLongException", "ok"), frames(Rules.lines(4), "12345\nok\n"));
        assertEquals(List.of("a\nb", "c"), frames(Rules.crlf(), "a\nb\r\nc\r\n"));
        assertEquals(List.of("a\nb", "c"), frames(Rules.cr(), "a\nb\rc\r"));
        assertEquals(List.of("a", "b"), frames(Rules.eot(), "a\u0004b\u0004"));
        assertEquals(List.of("a", "b"), frames(Rules.eot((byte) '|'), "a|b|"));
        assertEquals(List.of("a", "b", ""), frames(Rules.delimiter(b("::"), b(";")), "a::b;;"));
    }

    @Test
    void lengthFactoriesFrameTheirHeaders() {
        assertEquals(List.of("abc", "def"), frames(Rules.fixedLength(3), "abcdef"));
        assertEquals(List.of("abc", "d"), frames(Rules.lengthField(2), "\u0000\u0003abc\u0000\u0001d"));
        // 1-byte tag, 2-byte little-endian length counting the whole frame, tag kept
        assertEquals(List.of("T\u0005\u0000xy"),
                frames(Rules.lengthField(1, 2, ByteOrder.LITTLE_ENDIAN, -3, 0), "T\u0005\u0000xy"));
    }

    // ------------------------------------------------------------------ instrument rules

    @Test
    void scpiIsTheLfResponseRuleWithItsSixteenMibMaximum() {
        ScpiResponseRule rule = Rules.scpi();
        assertEquals(Terminator.LF, rule.terminator());
        assertEquals(ScpiResponseRule.DEFAULT_MAX_FRAME_LENGTH, rule.maxFrameLength());
        assertEquals(List.of("1.5,#13a\nb", "#H1F,\"#x\""), frames(rule, "1.5,#13a\nb\r\n#H1F,\"#x\"\n"));
    }

    @Test
    void scpiWithATerminatorEndsResponsesThere() {
        assertEquals(List.of("a\nb", "#12\r\n"), frames(Rules.scpi(Terminator.CRLF), "a\nb\r\n#12\r\n\r\n"));
        assertEquals(List.of("a\nb", "#11\r"), frames(Rules.scpi(Terminator.CR), "a\nb\r#11\r\r"));
        assertEquals(List.of("a", "b"), frames(Rules.scpi(Terminator.LF), "a\r\nb\n"));
        assertEquals(ScpiResponseRule.DEFAULT_MAX_FRAME_LENGTH, Rules.scpi(Terminator.CR).maxFrameLength());
        assertThrows(NullPointerException.class, () -> Rules.scpi(null));
    }

    @Test
    void slipDecodesWhatSlipEncoderWrites() {
        byte[] payload = {(byte) 0xC0, (byte) 0xDB, 1};
        byte[] wire = concat(SlipEncoder.withLeadingEnd().encode(payload), SlipEncoder.standard().encode(b("ok")));
        List<Outcome> out = RuleHarness.assertSplitInvariant(Rules.slip(), wire);
        assertEquals(2, out.size());
        assertEquals(CodecTesting.hex(payload), CodecTesting.hex(out.get(0).bytes()));
        assertEquals("ok", new String(out.get(1).bytes(), StandardCharsets.ISO_8859_1));
        assertEquals(Rules.DEFAULT_MAX_FRAME_LENGTH, Rules.slip().maxFrameLength());
    }

    @Test
    void cobsDecodesWhatCobsEncoderWrites() {
        byte[] payload = {0x11, 0x22, 0, 0x33};
        // the empty payload (01 00) is a frame; the zeros in a row after it are no frames
        byte[] wire = concat(CobsEncoder.encode(payload), CobsEncoder.encode(new byte[0]), new byte[2],
                CobsEncoder.encode(b("ok")));
        List<Outcome> out = RuleHarness.assertSplitInvariant(Rules.cobs(), wire);
        assertEquals(List.of(CodecTesting.hex(payload), "", CodecTesting.hex(b("ok"))),
                out.stream().map(o -> CodecTesting.hex(o.bytes())).toList());
        assertEquals(Rules.DEFAULT_MAX_FRAME_LENGTH, Rules.cobs().maxFrameLength());
    }

    /** Fills {@code first}, then {@code second} {@code secondAtNanos} later; the frames seen. */
    private static List<String> twoBursts(IdleGapRule rule, String first, String second, long secondAtNanos)
            throws Exception {
        long t0 = 1_000_000_000L;
        FakeClock clock = new FakeClock();
        clock.now = t0;
        FrameBuffer buffer = new FrameBuffer(16, 1024, clock);
        buffer.append(b(first));
        assertNull(buffer.next(rule), "no frame before the line has been quiet");
        clock.now = t0 + secondAtNanos;
        buffer.append(b(second));
        List<String> out = new ArrayList<>();
        Frame f;
        while ((f = buffer.next(rule)) != null) {
            out.add(f.toString(StandardCharsets.ISO_8859_1));
            f.consume();
        }
        clock.now += rule.idleTimeoutNanos(); // the reader asks again after a read timed out
        while ((f = buffer.next(rule)) != null) {
            out.add(f.toString(StandardCharsets.ISO_8859_1));
            f.consume();
        }
        return out;
    }

    @Test
    void idleGapEndsAFrameAfterTheGivenQuiet() throws Exception {
        IdleGapRule rule = Rules.idleGap(Duration.ofMillis(5));
        assertEquals(Duration.ofMillis(5), rule.gap());
        assertEquals(List.of("ab", "cd"), twoBursts(rule, "ab", "cd", 5_000_000));
        assertEquals(List.of("abcd"), twoBursts(rule, "ab", "cd", 4_999_999));
        assertThrows(IllegalArgumentException.class, () -> Rules.idleGap(Duration.ZERO));
    }

    @Test
    void idleGapForBaudUsesThreeAndAHalfCharacterTimes() throws Exception {
        IdleGapRule slow = Rules.idleGapForBaud(9600);
        assertEquals(4_010_417, slow.idleTimeoutNanos());
        assertEquals(List.of("ab", "cd"), twoBursts(slow, "ab", "cd", 4_010_417));
        assertEquals(List.of("abcd"), twoBursts(slow, "ab", "cd", 4_010_416));
        assertEquals(IdleGapRule.FAST_LINE_GAP_NANOS, Rules.idleGapForBaud(115_200).idleTimeoutNanos());
        assertEquals(Rules.DEFAULT_MAX_FRAME_LENGTH, slow.maxFrameLength());
        assertThrows(IllegalArgumentException.class, () -> Rules.idleGapForBaud(0));
    }

    @Test
    void fstrmFramesDataAndDecodesControlFrames() throws Exception {
        byte[] wire = concat(FstrmEncoder.encodeControl(ControlFrame.start("protobuf:dnstap.Dnstap")),
                FstrmEncoder.encodeData(b("hello")), FstrmEncoder.encodeControl(ControlFrame.stop()));
        FstrmRule rule = Rules.fstrm();
        List<Outcome> out = RuleHarness.assertSplitInvariant(rule, wire);
        assertEquals(List.of(FstrmRule.TYPE_CONTROL, 0, FstrmRule.TYPE_CONTROL), out.stream().map(Outcome::type).toList());
        assertEquals("hello", new String(out.get(1).bytes(), StandardCharsets.ISO_8859_1));
        assertEquals(FstrmRule.DEFAULT_MAX_DATA_LENGTH, rule.maxFrameLength());

        FrameBuffer buffer = new FrameBuffer();
        buffer.append(wire);
        try (Frame start = buffer.next(rule)) {
            ControlFrame control = assertInstanceOf(ControlFrame.class, start.meta());
            assertEquals(ControlType.START, control.type());
            assertEquals("protobuf:dnstap.Dnstap", control.contentType());
        }
    }
}
