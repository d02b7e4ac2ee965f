package org.streamframer.framing.fstrm;

import static org.junit.jupiter.api.Assertions.*;
import static org.streamframer.framing.fstrm.FstrmStreams.outcomes;
import static org.streamframer.framing.fstrm.FstrmStreams.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameTooLongException;
import org.streamframer.framing.RuleHarness;
import org.streamframer.framing.RuleHarness.Outcome;
import org.streamframer.framing.ScanResult;

class FstrmRuleTest {
    private static final String DNSTAP = "protobuf:dnstap.Dnstap";
    private final FstrmRule rule = new FstrmRule();

    private static byte[] binary(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 7 == 0 ? 0 : i * 31);
        }
        return b;
    }

    @Test
    void mixedControlAndDataFramesAreTheSameHoweverSplit() {
        byte[] big = binary(700);
        byte[] input = stream()
                .control(ControlFrame.ready(List.of(DNSTAP, "other:type")))
                .control(ControlFrame.start(DNSTAP))
                .data("a")
                .data(new byte[] {0, 0, 0, 0})
                .data(big)
                .control(ControlFrame.accept(List.of()))
                .data("last")
                .control(ControlFrame.stop())
                .control(ControlFrame.finish())
                .bytes();
        List<Outcome> out = RuleHarness.assertSplitInvariant(rule, input);
        assertEquals(9, out.size(), out.toString());
        int[] types = out.stream().mapToInt(Outcome::type).toArray();
        assertArrayEquals(new int[] {1, 1, 0, 0, 0, 1, 0, 1, 1}, types, Arrays.toString(types));
        assertArrayEquals("a".getBytes(StandardCharsets.US_ASCII), out.get(2).bytes());
        assertArrayEquals(new byte[4], out.get(3).bytes());
        assertArrayEquals(big, out.get(4).bytes());
        // a control frame is delivered as its CLEN bytes: STOP is just the type
        assertArrayEquals(new byte[] {0, 0, 0, 3}, out.get(7).bytes());
    }

    @Test
    void lengthSplitOneThreeAndEscapeSplitAcrossReads() {
        byte[] input = stream().control(ControlFrame.start(DNSTAP)).data("hello").control(ControlFrame.stop()).bytes();
        List<Outcome> whole = RuleHarness.whole(rule, input);
        // START is 42 bytes: escape split 1|3, CLEN split 1|3; the chunk 38..43 ends one byte
        // into the data frame's length, which then arrives as 2 + 1 bytes
        assertEquals(whole, RuleHarness.feed(rule, input, 1, 3, 1, 3, 26, 1, 3, 5, 2, 1, 3));
        assertEquals(3, whole.size(), whole.toString());
        assertEquals(FstrmRule.TYPE_CONTROL, whole.get(0).type());
        assertEquals("68656c6c6f", whole.get(1).hex());
        assertEquals("00000003", whole.get(2).hex());
    }

    @Test
    void controlFramesCarryTheirDecodedFieldsAsMeta() throws Exception {
        byte[] input = stream().control(ControlFrame.ready(List.of(DNSTAP, "x"))).data("d").bytes();
        FrameBuffer buffer = new FrameBuffer(8, 1024);
        buffer.append(input);
        try (Frame f = buffer.next(rule)) {
            assertEquals(FstrmRule.TYPE_CONTROL, f.type());
            assertEquals(new ControlFrame(ControlType.READY, List.of(DNSTAP, "x")), f.meta());
        }
        try (Frame f = buffer.next(rule)) {
            assertEquals(ScanResult.TYPE_DATA, f.type());
            assertNull(f.meta());
            assertEquals("d", f.toString(StandardCharsets.US_ASCII));
        }
        assertNull(buffer.next(rule));
    }

    @Test
    void everyBadControlFrameIsReportedWithItsNumbersAndFramingGoesOn() throws Exception {
        byte[] ct257 = new byte[257];
        Arrays.fill(ct257, (byte) 'x');
        byte[] input = stream()
                .data("before")
                .u32(0, 3).zeros(3)                                   // CLEN 3
                .data("after-clen3")
                .u32(0, 513).zeros(513)                               // CLEN 513
                .data("after-clen513")
                .u32(0, 4 + 8 + 257, 4, 1, 257).raw(ct257)           // READY with a 257-byte content type
                .data("after-ct257")
                .u32(0, 4, 9)                                         // unknown control type
                .data("after-type9")
                .u32(0, 12, 4, 7, 0)                                  // unknown field type
                .data("after-field7")
                .u32(0, 22, 2, 1, 1).raw("a".getBytes(StandardCharsets.US_ASCII)).u32(1, 1).raw("b".getBytes(StandardCharsets.US_ASCII))
                .data("after-start2")
                .u32(0, 12, 3, 1, 0)                                  // STOP with a field
                .data("after-stop-field")
                .u32(0, 12, 5, 1, 0)                                  // FINISH with a field
                .data("after-finish-field")
                .u32(0, 12, 4, 1, 100)                                // field overruns CLEN
                .data("after-overrun")
                .u32(0, 10, 4).zeros(6)                               // 6 bytes: not a field header
                .data("end")
                .bytes();
        List<String> got = outcomes(rule, input);
        assertEquals(List.of(
                "data:before",
                "error:CorruptFrameException:control frame length 3 is below the minimum of 4",
                "data:after-clen3",
                "error:CorruptFrameException:control frame length 513 exceeds the maximum of 512",
                "data:after-clen513",
                "error:CorruptFrameException:content type of 257 bytes exceeds the maximum of 256",
                "data:after-ct257",
                "error:CorruptFrameException:unknown control type 9 (known: ACCEPT=1, START=2, STOP=3, READY=4, FINISH=5)",
                "data:after-type9",
                "error:CorruptFrameException:unknown field type 7 in READY control frame (known: CONTENT_TYPE=1)",
                "data:after-field7",
                "error:CorruptFrameException:START carries 2 content types; at most 1 is allowed",
                "data:after-start2",
                "error:CorruptFrameException:STOP carries 1 content type fields; none are allowed",
                "data:after-stop-field",
                "error:CorruptFrameException:FINISH carries 1 content type fields; none are allowed",
                "data:after-finish-field",
                "error:CorruptFrameException:content type field of 100 bytes overruns the READY control frame (0 bytes left)",
                "data:after-overrun",
                "error:CorruptFrameException:READY control frame has 6 bytes after its last field; a field header needs 8",
                "data:end"), got);
        // and the same outcome however the bytes arrive
        List<Outcome> split = RuleHarness.assertSplitInvariant(rule, input, 20);
        assertEquals(got.size(), split.size());
    }

    @Test
    void hugeDataLengthIsSkippedWithoutAllocatingIt() throws Exception {
        byte[] input = stream().data("ok").u32(0xFFFFFFF0L).raw(binary(10)).bytes();
        FrameBuffer buffer = new FrameBuffer(64, 1 << 30); // would happily grow to 1 GiB
        buffer.append(input);
        try (Frame f = buffer.next(rule)) {
            assertEquals("ok", f.toString(StandardCharsets.US_ASCII));
        }
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> buffer.next(rule));
        assertEquals(0xFFFFFFF0L, e.frameLength());
        assertEquals(FstrmRule.DEFAULT_MAX_DATA_LENGTH, e.maxFrameLength());
        assertTrue(e.getMessage().contains("4294967280") && e.getMessage().contains("1048576"), e.getMessage());
        assertNull(buffer.next(rule));
        assertTrue(buffer.capacity() <= 4096, "capacity " + buffer.capacity());
        assertEquals(0xFFFFFFF0L - 10, buffer.skipRemaining(), "the rest is dropped as it arrives");
        // more bytes of the skipped frame arrive and are dropped, never held
        buffer.append(binary(3000));
        assertNull(buffer.next(rule));
        assertEquals(0, buffer.readable());
        assertTrue(buffer.capacity() <= 4096, "capacity " + buffer.capacity());
    }

    @Test
    void dataMaximumIsConfigurableAndAnOversizeFrameIsSkipped() {
        FstrmRule small = new FstrmRule(600);
        assertEquals(600, small.maxFrameLength());
        byte[] input = stream().data(binary(600)).data(binary(601)).control(ControlFrame.stop()).data("z").bytes();
        List<Outcome> out = RuleHarness.assertSplitInvariant(small, input);
        assertEquals(4, out.size(), out.toString());
        assertEquals(600, out.get(0).bytes().length);
        assertEquals("FrameTooLongException", out.get(1).error());
        assertEquals(FstrmRule.TYPE_CONTROL, out.get(2).type());
        assertEquals("7a", out.get(3).hex());
    }

    @Test
    void maximumBelowTheControlFrameLimitIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FstrmRule(511));
        assertTrue(e.getMessage().contains("511"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FstrmRule(Integer.MAX_VALUE));
    }

    @Test
    void pendingBytesSaysWhatTheFrameAtTheStartStillNeeds() throws Exception {
        byte[] input = stream().data("hello").control(ControlFrame.start("t")).bytes(); // 9 + 21 bytes
        FrameBuffer buffer = new FrameBuffer(8, 1024);
        assertEquals(4, FstrmRule.pendingBytes(buffer));
        buffer.append(input, 0, 1);
        assertEquals(3, FstrmRule.pendingBytes(buffer));
        buffer.append(input, 1, 5);
        assertEquals(3, FstrmRule.pendingBytes(buffer));
        buffer.append(input, 6, 5); // the data frame and 2 bytes of the escape
        assertEquals(0, FstrmRule.pendingBytes(buffer));
        buffer.next(rule).consume();
        assertEquals(2, FstrmRule.pendingBytes(buffer));
        buffer.append(input, 11, 6); // escape and CLEN 13
        assertEquals(13, FstrmRule.pendingBytes(buffer));
        buffer.append(input, 17, 13);
        assertEquals(0, FstrmRule.pendingBytes(buffer));
        assertEquals(ControlFrame.start("t"), buffer.next(rule).meta());
    }
}
