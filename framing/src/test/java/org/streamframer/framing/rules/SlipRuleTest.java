package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.streamframer.framing.rules.CodecTesting.hex;
import static org.streamframer.framing.rules.CodecTesting.outcomes;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.CorruptFrameException;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.RuleHarness;

class SlipRuleTest {

    private static final SlipRule RULE = new SlipRule(2048);


    @Test
    void theRfcVectorEncodesByteForByte() {
        assertArrayEquals(hex("db dc db dd 01 c0"), SlipEncoder.standard().encode(hex("c0 db 01")));
        assertArrayEquals(hex("c0 db dc db dd 01 c0"), SlipEncoder.withLeadingEnd().encode(hex("c0 db 01")));
    }

    @Test
    void theVectorDecodesBackWithOrWithoutTheLeadingEnd() {
        assertEquals(List.of("c0 db 01"), outcomes(RULE, "c0 db dc db dd 01 c0"));
        assertEquals(List.of("c0 db 01"), outcomes(RULE, "db dc db dd 01 c0"));
    }

    @Test
    void emptyFramesBetweenEndsAreDropped() {
        assertEquals(List.of("01", "02 03"), outcomes(RULE, "c0 c0 c0 01 c0 c0 02 03 c0 c0"));
        assertEquals(List.of(), outcomes(RULE, "c0 c0 c0 c0"));
    }

    @Test
    void aRunOfEndsLongerThanTheMaximumIsStillNothing() {
        SlipRule rule = new SlipRule(4);
        assertEquals(List.of("01 02 03 04"), outcomes(rule, "c0 ".repeat(40) + "01 02 03 04 c0"));
    }

    @Test
    void aBadEscapeIsCorruptAndTheNextFrameFollows() {
        assertEquals(List.of("!CorruptFrameException", "05", "!CorruptFrameException", "06 db c0"),
                outcomes(RULE, "01 db 41 02 c0 05 c0 db c0 06 db dd db dc c0"));
    }

    @Test
    void aBadEscapeMessageSaysWhereAndWhat() throws Exception {
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(hex("01 02 db 41 c0 07 db c0"));
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> buffer.next(RULE));
        assertEquals("bad SLIP escape at byte 2 of a 4-byte frame: ESC (0xDB) followed by 0x41,"
                + " not ESC_END (0xDC) or ESC_ESC (0xDD)", e.getMessage());
        e = assertThrows(CorruptFrameException.class, () -> buffer.next(RULE));
        assertEquals("SLIP frame of 2 bytes ends inside an escape: ESC (0xDB) at byte 1 is followed by END",
                e.getMessage());
        assertNull(buffer.next(RULE));
        assertEquals(0, buffer.readable());
    }

    @Test
    void theMaximumBoundsTheFrameAsReceivedEscaped() {
        SlipRule rule = new SlipRule(6);
        // 3 END bytes escape to 6: allowed; 4 escape to 8: too long although 4 bytes decoded
        assertEquals(List.of("c0 c0 c0", "!FrameTooLongException", "01 02 03 04 05 06", "!FrameTooLongException", "09"),
                outcomes(rule, "db dc db dc db dc c0 db dc db dc db dc db dc c0 01 02 03 04 05 06 c0"
                        + " 01 02 03 04 05 06 07 c0 09 c0"));
    }

    @Test
    void anOverlongFrameIsNotHeld() throws Exception {
        SlipRule rule = new SlipRule(100);
        FrameBuffer buffer = new FrameBuffer(16, 1 << 20);
        byte[] chunk = new byte[1000];
        java.util.Arrays.fill(chunk, (byte) 0x55);
        int errors = 0;
        for (int k = 0; k < 100; k++) {
            buffer.append(chunk);
            try {
                assertNull(buffer.next(rule));
            } catch (org.streamframer.framing.FrameTooLongException e) {
                errors++;
            }
            assertTrue(buffer.capacity() <= 2048, "capacity " + buffer.capacity());
        }
        buffer.append(hex("c0 01 c0"));
        assertThrows(org.streamframer.framing.FrameTooLongException.class, () -> buffer.next(rule));
        assertArrayEquals(hex("01"), buffer.next(rule).bytes());
        assertEquals(0, errors, "reported at the END, once");
    }

    @Test
    void payloadsRoundTripThroughBothEncoders() {
        List<byte[]> payloads = CodecTesting.interestingPayloads(7);
        CodecTesting.assertRoundTrips(RULE, SlipEncoder.standard()::encode, payloads);
        CodecTesting.assertRoundTrips(RULE, SlipEncoder.withLeadingEnd()::encode, payloads);
    }

    @Test
    void anEmptyPayloadIsAnEmptyFrameAndSoDropped() {
        assertArrayEquals(hex("c0"), SlipEncoder.standard().encode(new byte[0]));
        assertEquals(List.of(), RuleHarness.whole(RULE, SlipEncoder.withLeadingEnd().encode(new byte[0])));
    }

    @Test
    void theEncoderWritesIntoAGivenArrayWithinItsMaximum() {
        Random random = new Random(3);
        for (int n = 0; n < 600; n += 7) {
            byte[] p = CodecTesting.randomBytes(random, n + 1, SlipRule.END, SlipRule.ESC);
            for (SlipEncoder encoder : List.of(SlipEncoder.standard(), SlipEncoder.withLeadingEnd())) {
                byte[] dst = new byte[encoder.maxEncodedLength(p.length) + 3];
                int written = encoder.encode(p, 0, p.length, dst, 3);
                assertArrayEquals(encoder.encode(p), java.util.Arrays.copyOfRange(dst, 3, 3 + written));
                assertTrue(written <= encoder.maxEncodedLength(p.length));
            }
        }
        byte[] worst = new byte[10];
        java.util.Arrays.fill(worst, SlipRule.END);
        assertEquals(SlipEncoder.standard().maxEncodedLength(10), SlipEncoder.standard().encode(worst).length);
        assertEquals(SlipEncoder.withLeadingEnd().maxEncodedLength(10), SlipEncoder.withLeadingEnd().encode(worst).length);
    }

    @Test
    void randomBytesGiveOnlyDocumentedErrorsAndBoundedMemory() {
        CodecTesting.fuzz(1000, random -> new SlipRule(1 + random.nextInt(80)),
                random -> CodecTesting.randomBytes(random, 800, SlipRule.END, SlipRule.ESC, SlipRule.ESC_END, SlipRule.ESC_ESC),
                0, frame -> assertTrue(frame.length > 0, "an empty frame was delivered"));
    }

    @Test
    void argumentsAreValidatedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SlipRule(0));
        assertEquals("maxFrameLength < 1: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SlipEncoder.standard().maxEncodedLength(-1));
        assertEquals("payloadLength < 0: -1", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> SlipEncoder.standard().encode(new byte[2], 1, 2));
        assertThrows(IndexOutOfBoundsException.class,
                () -> SlipEncoder.standard().encode(hex("c0 c0"), 0, 2, new byte[4], 0));
        assertEquals(2048, RULE.maxFrameLength());
    }
}
