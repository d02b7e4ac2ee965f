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
import org.streamframer.framing.FrameTooLongException;

class CobsRuleTest {

    private static final CobsRule RULE = new CobsRule(4096);

    /** {@code from, from + 1, ..., to} as bytes. */
    static String run(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(String.format("%02x ", i));
        }
        return sb.toString().strip();
    }

    /** payload, encoding (zero included): the vectors and the ones of the COBS literature. */
    static final String[][] VECTORS = {
            {"11 22 00 33", "03 11 22 02 33 00"},
            {"", "01 00"},
            {"00", "01 01 00"},
            {"00 00", "01 01 01 00"},
            {"00 11 00", "01 02 11 01 00"},
            {"11 22 33 44", "05 11 22 33 44 00"},
            {"11 00 00 00", "02 11 01 01 01 00"},
            {run(1, 254), "ff " + run(1, 254) + " 00"},
            {"00 " + run(1, 254), "01 ff " + run(1, 254) + " 00"},
            {run(1, 255), "ff " + run(1, 254) + " 02 ff 00"},
            {run(2, 255) + " 00", "ff " + run(2, 255) + " 01 01 00"},
            {run(3, 255) + " 00 01", "fe " + run(3, 255) + " 02 01 00"},
    };

    @Test
    void theVectorsEncodeByteForByte() {
        for (String[] v : VECTORS) {
            assertEquals(v[1], hex(CobsEncoder.encode(hex(v[0]))), "payload " + v[0]);
        }
    }

    @Test
    void theVectorsDecodeByteForByteHoweverSplit() {
        for (String[] v : VECTORS) {
            assertEquals(List.of(v[0]), outcomes(RULE, v[1]), "encoding " + v[1]);
        }
    }

    @Test
    void anEmptyPayloadIsDeliveredButBareZerosAreDropped() {
        assertEquals(List.of("", "11"), outcomes(RULE, "00 00 01 00 00 02 11 00 00"));
    }

    @Test
    void aZeroWhereDataWasExpectedIsCorrupt() {
        assertEquals(List.of("!CorruptFrameException"), outcomes(RULE, "02 00 00"));
        assertEquals(List.of("!CorruptFrameException", "33", "!CorruptFrameException", ""),
                outcomes(RULE, "03 11 22 02 00 02 33 00 05 01 02 00 01 00"));
    }

    @Test
    void aCorruptFrameMessageSaysWhichCodeAndWhere() throws Exception {
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(hex("02 11 05 22 00 01 00"));
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> buffer.next(RULE));
        assertEquals("bad COBS frame of 4 bytes: code 0x05 at byte 2 announces 4 data bytes,"
                + " but a zero ends the frame after 1", e.getMessage());
        assertArrayEquals(new byte[0], buffer.next(RULE).bytes());
    }

    @Test
    void aNonCanonicalCodeAfterAFullBlockIsAccepted() {
        assertEquals(List.of(run(1, 254)), outcomes(RULE, "ff " + run(1, 254) + " 01 00"));
    }

    @Test
    void theOverheadIsAtMostOneBytePer254() {
        Random random = new Random(5);
        for (int n = 0; n <= 2100; n++) {
            byte[] p = new byte[n];
            for (int i = 0; i < n; i++) {
                p[i] = (byte) (1 + random.nextInt(255)); // no zeros: the worst case
            }
            int overhead = CobsEncoder.encode(p).length - 1 - n;
            assertTrue(overhead <= Math.max(1, (n + 253) / 254), "n " + n + ": overhead " + overhead);
            assertTrue(CobsEncoder.encode(p).length <= CobsEncoder.maxEncodedLength(n));
        }
    }

    @Test
    void payloadsRoundTrip() {
        List<byte[]> payloads = new java.util.ArrayList<>(CodecTesting.interestingPayloads(11));
        payloads.add(new byte[0]);
        CodecTesting.assertRoundTrips(RULE, CobsEncoder::encode, payloads);
    }

    @Test
    void theEncoderWritesIntoAGivenArray() {
        byte[] p = hex("11 22 00 33");
        byte[] dst = new byte[10];
        assertEquals(6, CobsEncoder.encode(p, 0, 4, dst, 2));
        assertEquals("00 00 03 11 22 02 33 00 00 00", hex(dst));
        assertEquals("02 22 00", hex(CobsEncoder.encode(p, 1, 1)));
    }

    @Test
    void theMaximumBoundsTheFrameAsReceived() {
        CobsRule rule = new CobsRule(5);
        assertEquals(List.of("11 22 33 44", "!FrameTooLongException", "77"),
                outcomes(rule, "05 11 22 33 44 00 06 11 22 33 44 55 00 02 77 00"));
    }

    @Test
    void anOverlongFrameIsReportedOnceAndNotHeld() throws Exception {
        CobsRule rule = new CobsRule(64);
        FrameBuffer buffer = new FrameBuffer(16, 1 << 20);
        byte[] chunk = new byte[500];
        java.util.Arrays.fill(chunk, (byte) 1);
        for (int k = 0; k < 50; k++) {
            buffer.append(chunk);
            assertNull(buffer.next(rule));
            assertTrue(buffer.capacity() <= 1024, "capacity " + buffer.capacity());
        }
        buffer.append(hex("00 02 07 00"));
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> buffer.next(rule));
        assertEquals(25_000, e.frameLength());
        assertArrayEquals(hex("07"), buffer.next(rule).bytes());
    }

    @Test
    void randomBytesGiveOnlyDocumentedErrorsAndBoundedMemory() {
        CodecTesting.fuzz(1000, random -> new CobsRule(1 + random.nextInt(80)),
                random -> CodecTesting.randomBytes(random, 800, (byte) 0, (byte) 1, (byte) 2, (byte) 0xFF),
                0, frame -> { });
    }

    @Test
    void argumentsAreValidatedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CobsRule(-3));
        assertEquals("maxFrameLength < 1: -3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CobsEncoder.maxEncodedLength(-1));
        assertEquals("payloadLength < 0: -1", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> CobsEncoder.encode(new byte[2], 1, 2));
    }
}
