package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.streamframer.framing.CorruptFrameException;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.FrameTooLongException;
import org.streamframer.framing.FramingException;
import org.streamframer.framing.RuleHarness;
import org.streamframer.framing.RuleHarness.Outcome;

/** Round trips and fuzzing shared by the decoder tests. */
final class CodecTesting {

    private CodecTesting() {
    }

    static byte[] hex(String s) {
        return java.util.HexFormat.ofDelimiter(" ").parseHex(s.strip());
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.ofDelimiter(" ").formatHex(b);
    }

    /** The outcome of hex input, split every way: frames as hex, errors as "!ClassName". */
    static List<String> outcomes(FrameRule rule, String hexInput) {
        return RuleHarness.assertSplitInvariant(rule, hex(hexInput)).stream()
                .map(o -> o.isFrame() ? hex(o.bytes()) : "!" + o.error())
                .toList();
    }

    /** Payloads where byte stuffing goes wrong: runs of the special bytes, block boundaries. */
    static List<byte[]> interestingPayloads(long seed) {
        Random random = new Random(seed);
        List<byte[]> payloads = new ArrayList<>();
        payloads.add(new byte[] {0});
        payloads.add(new byte[300]); // all zero
        byte[] c0 = new byte[300];
        Arrays.fill(c0, (byte) 0xC0);
        payloads.add(c0);
        byte[] db = new byte[300];
        Arrays.fill(db, (byte) 0xDB);
        payloads.add(db);
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        payloads.add(all);
        for (int n : new int[] {1, 2, 253, 254, 255, 256, 507, 508, 509, 1000}) {
            byte[] nonZero = new byte[n];
            for (int i = 0; i < n; i++) {
                nonZero[i] = (byte) (1 + random.nextInt(255));
            }
            payloads.add(nonZero);
            byte[] any = new byte[n];
            random.nextBytes(any);
            payloads.add(any);
            byte[] zeroEnded = nonZero.clone();
            zeroEnded[n - 1] = 0;
            payloads.add(zeroEnded);
        }
        for (int k = 0; k < 40; k++) {
            byte[] p = new byte[1 + random.nextInt(600)];
            for (int i = 0; i < p.length; i++) {
                int pick = random.nextInt(4);
                p[i] = pick == 0 ? 0 : pick == 1 ? (byte) 0xC0 : pick == 2 ? (byte) 0xDB : (byte) random.nextInt(256);
            }
            payloads.add(p);
        }
        return payloads;
    }

    /**
     * Encodes every payload, sends them as one stream and asserts the rule gives exactly the
     * payloads back, however the stream is split.
     */
    static void assertRoundTrips(FrameRule rule, UnaryOperator<byte[]> encoder, List<byte[]> payloads) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Outcome> expected = new ArrayList<>();
        for (byte[] p : payloads) {
            stream.writeBytes(encoder.apply(p));
            expected.add(new Outcome(java.util.HexFormat.of().formatHex(p), 0, null));
        }
        byte[] input = stream.toByteArray();
        assertEquals(expected, RuleHarness.whole(rule, input));
        assertEquals(expected, RuleHarness.oneByteAtATime(rule, input));
        for (int seed = 0; seed < 30; seed++) {
            assertEquals(expected, RuleHarness.randomChunks(rule, input, seed, 1 + seed * 37), "seed " + seed);
        }
        // every split point, over a shorter stream (each payload on its own)
        for (byte[] p : payloads.subList(0, Math.min(payloads.size(), 12))) {
            RuleHarness.assertSplitInvariant(rule, encoder.apply(p), 5);
        }
    }

    /**
     * Feeds {@code cases} seeded random inputs in random reads (1 to 32 bytes) and asserts that
     * only {@link CorruptFrameException} and {@link FrameTooLongException} come out, with numbers
     * in their messages; that no frame is longer than the maximum; that the buffer never holds
     * more than the maximum plus {@code heldSlack} bytes after framing; and, for some cases, that
     * the outcome does not depend on the split.
     */
    static void fuzz(int cases, Function<Random, FrameRule> rules, Function<Random, byte[]> inputs,
                     int heldSlack, Consumer<byte[]> frameCheck) {
        for (long seed = 0; seed < cases; seed++) {
            Random random = new Random(seed);
            FrameRule rule = rules.apply(random);
            byte[] input = inputs.apply(random);
            int max = rule.maxFrameLength();
            FrameBuffer buffer = new FrameBuffer(16, 1 << 20);
            for (int pos = 0; pos < input.length; ) {
                int n = Math.min(1 + random.nextInt(32), input.length - pos);
                try {
                    buffer.append(input, pos, n);
                } catch (FramingException e) {
                    throw new AssertionError("seed " + seed + ": the buffer filled up", e);
                }
                pos += n;
                while (true) {
                    try {
                        Frame f = buffer.next(rule);
                        if (f == null) {
                            break;
                        }
                        byte[] frame = f.bytes();
                        f.consume();
                        assertTrue(frame.length <= max, "seed " + seed + ": frame of " + frame.length + ", max " + max);
                        frameCheck.accept(frame);
                    } catch (CorruptFrameException | FrameTooLongException e) {
                        assertTrue(e.getMessage().matches("(?s).*\\d.*"), "seed " + seed + ": " + e.getMessage());
                    } catch (FramingException e) {
                        throw new AssertionError("seed " + seed + ": undocumented " + e, e);
                    }
                }
                assertTrue(buffer.readable() <= max + heldSlack,
                        "seed " + seed + ": " + buffer.readable() + " bytes held, max " + max);
                assertTrue(buffer.capacity() <= 2 * (max + heldSlack + 32) + 16,
                        "seed " + seed + ": capacity " + buffer.capacity() + ", max " + max);
            }
            if (seed % 100 == 0) {
                RuleHarness.assertSplitInvariant(rule, input, 10);
            }
        }
    }

    /** Random bytes, a quarter of them {@code special}. */
    static byte[] randomBytes(Random random, int maxLength, byte... special) {
        byte[] input = new byte[random.nextInt(maxLength)];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextInt(4) == 0 ? special[random.nextInt(special.length)] : (byte) random.nextInt(256);
        }
        return input;
    }
}
