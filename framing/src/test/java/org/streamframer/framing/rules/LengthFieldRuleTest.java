package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.streamframer.framing.rules.Outcomes.b;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamframer.framing.CorruptFrameException;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameTooLongException;
import org.streamframer.framing.RuleHarness;

class LengthFieldRuleTest {

    private static final byte TAG = 0x7e;
    private static final List<byte[]> CONTENTS = List.of(b(""), b("A"), b("HELLO"), filled(200, 'z'), b("OK"));

    private static byte[] filled(int n, char c) {
        byte[] a = new byte[n];
        Arrays.fill(a, (byte) c);
        return a;
    }

    /** The field's bytes: {@code value} in {@code size} bytes of the given order. */
    private static byte[] field(long value, int size, ByteOrder order) {
        byte[] f = new byte[size];
        for (int i = 0; i < size; i++) {
            int shift = 8 * (order == ByteOrder.BIG_ENDIAN ? size - 1 - i : i);
            f[i] = (byte) (value >>> shift);
        }
        return f;
    }

    static Stream<Arguments> layouts() {
        List<Arguments> all = new ArrayList<>();
        for (int size : new int[] {1, 2, 3, 4, 8}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                for (int offset : new int[] {0, 1}) {
                    int header = offset + size;
                    // the field counts the content; the whole frame; the content minus a 2-byte trailer
                    for (int adjustment : new int[] {0, -header, 2}) {
                        for (int strip : new int[] {0, header}) {
                            all.add(Arguments.of(size, order, offset, adjustment, strip));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "size {0}, {1}, offset {2}, adjustment {3}, strip {4}")
    @MethodSource("layouts")
    void everyLayoutFramesTheSameHoweverSplit(int size, ByteOrder order, int offset, int adjustment, int strip) {
        LengthFieldRule rule = new LengthFieldRule(offset, size, order, adjustment, strip, 1024);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (byte[] content : CONTENTS) {
            long value = content.length - adjustment;
            if (value < 0) {
                continue; // cannot be encoded with this adjustment
            }
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            for (int i = 0; i < offset; i++) {
                frame.write(TAG);
            }
            frame.writeBytes(field(value, size, order));
            frame.writeBytes(content);
            byte[] f = frame.toByteArray();
            input.writeBytes(f);
            expected.add(new String(f, strip, f.length - strip, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        var outcomes = RuleHarness.assertSplitInvariant(rule, input.toByteArray(), 20);
        assertEquals(expected, Outcomes.text(outcomes));
    }

    @Test
    void aFourByteLengthOfFourGibibytesIsRejectedWithoutAllocatingIt() throws Exception {
        LengthFieldRule rule = new LengthFieldRule(0, 4, ByteOrder.BIG_ENDIAN, 0, 4, 1024);
        FrameBuffer buffer = new FrameBuffer(16, 64 * 1024 * 1024);
        buffer.append(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3});
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> buffer.next(rule));
        assertEquals(0xffffffffL + 4, e.frameLength());
        assertEquals("frame length (4294967299) exceeds the allowed maximum (1024)", e.getMessage());
        assertTrue(e.lengthKnown());
        assertEquals(0xffffffffL + 4 - 7, buffer.skipRemaining());
        assertTrue(buffer.capacity() <= 16, "capacity " + buffer.capacity());
        // the skipped frame's bytes are dropped as they arrive, never held
        for (int i = 0; i < 100; i++) {
            buffer.append(new byte[1000]);
            assertNull(buffer.next(rule));
            assertEquals(0, buffer.readable());
        }
        assertTrue(buffer.capacity() <= 2048, "capacity " + buffer.capacity());
    }

    @Test
    void anEightByteLengthOfTwoToTheSixtySecondIsRejectedWithoutAllocatingIt() throws Exception {
        LengthFieldRule rule = new LengthFieldRule(0, 8, ByteOrder.LITTLE_ENDIAN, 0, 8, 1024);
        FrameBuffer buffer = new FrameBuffer(16, 64 * 1024 * 1024);
        buffer.append(field(1L << 62, 8, ByteOrder.LITTLE_ENDIAN));
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> buffer.next(rule));
        assertEquals((1L << 62) + 8, e.frameLength());
        assertTrue(buffer.isDiscarding());
        assertEquals(16, buffer.capacity());
    }

    @Test
    void aTooLongFrameIsSkippedAsItArrivesAndTheNextFrameIsIntact() throws Exception {
        LengthFieldRule rule = new LengthFieldRule(0, 2, ByteOrder.BIG_ENDIAN, 0, 2, 64);
        FrameBuffer buffer = new FrameBuffer(16, 1024 * 1024);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(field(5000, 2, ByteOrder.BIG_ENDIAN));
        input.writeBytes(filled(5000, 'x'));
        input.writeBytes(field(2, 2, ByteOrder.BIG_ENDIAN));
        input.writeBytes(b("OK"));
        byte[] all = input.toByteArray();
        int errors = 0;
        List<String> frames = new ArrayList<>();
        int maxCapacity = 0;
        for (int pos = 0; pos < all.length; pos += 100) {
            buffer.append(all, pos, Math.min(100, all.length - pos));
            try (Frame f = buffer.next(rule)) {
                if (f != null) {
                    frames.add(f.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            } catch (FrameTooLongException e) {
                errors++;
                assertEquals(5002, e.frameLength());
            }
            maxCapacity = Math.max(maxCapacity, buffer.capacity());
        }
        assertEquals(1, errors);
        assertEquals(List.of("OK"), frames);
        assertTrue(maxCapacity <= 256, "capacity " + maxCapacity);
        assertFalse(buffer.isDiscarding());
    }

    @Test
    void aNegativeEightByteLengthIsCorruptAndItsHeaderSkipped() throws Exception {
        LengthFieldRule rule = new LengthFieldRule(0, 8, ByteOrder.BIG_ENDIAN, 0, 8, 64);
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(field(-5, 8, ByteOrder.BIG_ENDIAN));
        buffer.append(field(2, 8, ByteOrder.BIG_ENDIAN));
        buffer.append(b("OK"));
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> buffer.next(rule));
        assertEquals("negative length field (-5) at offset 0", e.getMessage());
        try (Frame f = buffer.next(rule)) {
            assertEquals("OK", f.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void anAdjustmentThatMakesTheFrameShorterThanItsHeaderIsCorrupt() throws Exception {
        // the field should count the whole frame (adjustment -2) but says 1
        LengthFieldRule rule = new LengthFieldRule(0, 2, ByteOrder.BIG_ENDIAN, -2, 0, 64);
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(new byte[] {0, 1, 0, 4, 'O', 'K'});
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> buffer.next(rule));
        assertEquals("adjusted frame length (1) is less than the header (2 bytes): length field 1, adjustment -2",
                e.getMessage());
        try (Frame f = buffer.next(rule)) {
            assertEquals(4, f.length());
        }
    }

    @Test
    void aFrameShorterThanTheBytesToStripIsCorrupt() throws Exception {
        LengthFieldRule rule = new LengthFieldRule(0, 1, ByteOrder.BIG_ENDIAN, 0, 4, 64);
        // a frame of 2 bytes cannot lose 4; the header is skipped and the next byte is a header again
        var out = RuleHarness.assertSplitInvariant(rule, new byte[] {1, 4, 'a', 'b', 'c', 'd'});
        assertEquals(List.of("!CorruptFrameException", "d"), Outcomes.text(out));
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(new byte[] {1, 'x'});
        assertEquals("frame length (2) is less than bytesToStrip (4)",
                assertThrows(CorruptFrameException.class, () -> buffer.next(rule)).getMessage());
    }

    @Test
    void anEightByteLengthThatOverflowsIsCorrupt() throws Exception {
        LengthFieldRule rule = new LengthFieldRule(0, 8, ByteOrder.BIG_ENDIAN, 10, 8, 64);
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(field(Long.MAX_VALUE - 3, 8, ByteOrder.BIG_ENDIAN));
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> buffer.next(rule));
        assertTrue(e.getMessage().contains("(" + (Long.MAX_VALUE - 3) + ")"), e.getMessage());
    }

    @Test
    void constructorArgumentsAreCheckedByName() {
        assertEquals("lengthSize must be 1, 2, 3, 4 or 8: 5", assertThrows(IllegalArgumentException.class,
                () -> new LengthFieldRule(0, 5, ByteOrder.BIG_ENDIAN, 0, 0, 64)).getMessage());
        assertEquals("lengthOffset < 0: -1", assertThrows(IllegalArgumentException.class,
                () -> new LengthFieldRule(-1, 2, ByteOrder.BIG_ENDIAN, 0, 0, 64)).getMessage());
        assertEquals("bytesToStrip < 0: -2", assertThrows(IllegalArgumentException.class,
                () -> new LengthFieldRule(0, 2, ByteOrder.BIG_ENDIAN, 0, -2, 64)).getMessage());
        assertEquals("maxFrameLength < 1: 0", assertThrows(IllegalArgumentException.class,
                () -> new LengthFieldRule(0, 2, ByteOrder.BIG_ENDIAN, 0, 0, 0)).getMessage());
        assertEquals("maxFrameLength (3) is shorter than the header (lengthOffset 2 + lengthSize 2)",
                assertThrows(IllegalArgumentException.class,
                        () -> new LengthFieldRule(2, 2, ByteOrder.BIG_ENDIAN, 0, 0, 3)).getMessage());
        assertEquals("order", assertThrows(NullPointerException.class,
                () -> new LengthFieldRule(0, 2, null, 0, 0, 64)).getMessage());
    }
}
