package org.streamframer.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Feeds a byte stream to a rule in chunks and records what comes out: every frame (its bytes
 * and type) and every framing error (its class), in order. Fragmentation is where framers
 * break, so every rule's tests run the same input through {@link #assertSplitInvariant}: whole,
 * split at every point, one byte at a time and in seeded random chunks, all of which must give
 * the same outcome.
 */
public final class RuleHarness {

    private RuleHarness() {
    }

    /** One thing a rule delivered: a frame ({@code error == null}) or an error. */
    public record Outcome(String hex, int type, String error) {
        static Outcome frame(byte[] bytes, int type) {
            return new Outcome(HexFormat.of().formatHex(bytes), type, null);
        }

        static Outcome error(FramingException e) {
            return new Outcome(null, -1, e.getClass().getSimpleName());
        }

        public boolean isFrame() {
            return error == null;
        }

        public byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }

        @Override
        public String toString() {
            return error != null ? "error:" + error : "frame(" + type + "):" + hex;
        }
    }

    /** Feeds {@code input} in chunks of the given sizes (the last chunk takes the rest). */
    public static List<Outcome> feed(FrameRule rule, byte[] input, int... chunkSizes) {
        FrameBuffer buffer = new FrameBuffer(16, 64 * 1024 * 1024);
        List<Outcome> out = new ArrayList<>();
        int pos = 0;
        int i = 0;
        while (pos < input.length) {
            int n = i < chunkSizes.length ? Math.min(chunkSizes[i], input.length - pos) : input.length - pos;
            i++;
            try {
                buffer.append(input, pos, n);
            } catch (BufferFullException e) {
                throw new AssertionError(e);
            }
            pos += n;
            drain(buffer, rule, out);
        }
        if (input.length == 0) {
            drain(buffer, rule, out);
        }
        return out;
    }

    /** Takes every frame and error the buffered bytes hold. */
    public static void drain(FrameBuffer buffer, FrameRule rule, List<Outcome> out) {
        while (true) {
            try {
                Frame f = buffer.next(rule);
                if (f == null) {
                    return;
                }
                out.add(Outcome.frame(f.bytes(), f.type()));
                f.consume();
            } catch (FramingException e) {
                out.add(Outcome.error(e));
            }
        }
    }

    /** The whole input in one chunk. */
    public static List<Outcome> whole(FrameRule rule, byte[] input) {
        return feed(rule, input, input.length);
    }

    /** One byte at a time. */
    public static List<Outcome> oneByteAtATime(FrameRule rule, byte[] input) {
        int[] ones = new int[input.length];
        java.util.Arrays.fill(ones, 1);
        return feed(rule, input, ones);
    }

    /** Random chunk sizes from 1 to {@code maxChunk}, from {@code seed}. */
    public static List<Outcome> randomChunks(FrameRule rule, byte[] input, long seed, int maxChunk) {
        Random random = new Random(seed);
        List<Integer> sizes = new ArrayList<>();
        for (int left = input.length; left > 0; ) {
            int n = 1 + random.nextInt(Math.max(1, maxChunk));
            sizes.add(n);
            left -= n;
        }
        return feed(rule, input, sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Asserts that the input gives the same outcome whole, split at every point (two chunks),
     * one byte at a time, and in {@code randomCases} seeded random chunkings.
     *
     * @return the outcome (of the whole input), for further assertions
     */
    public static List<Outcome> assertSplitInvariant(FrameRule rule, byte[] input, int randomCases) {
        List<Outcome> expected = whole(rule, input);
        for (int split = 0; split <= input.length; split++) {
            assertEquals(expected, feed(rule, input, split, input.length - split),
                    "split at " + split + " of " + input.length);
        }
        assertEquals(expected, oneByteAtATime(rule, input), "one byte at a time");
        for (int seed = 0; seed < randomCases; seed++) {
            assertEquals(expected, randomChunks(rule, input, seed, 1 + seed % 64),
                    "random chunks, seed " + seed);
        }
        return expected;
    }

    /** {@link #assertSplitInvariant(FrameRule, byte[], int)} with 200 random cases. */
    public static List<Outcome> assertSplitInvariant(FrameRule rule, byte[] input) {
        return assertSplitInvariant(rule, input, 200);
    }
}
