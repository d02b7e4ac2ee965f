package org.streamframer.framing.rules;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Finds a byte in an array, eight bytes at a time.
 *
 * <p>The search reads the array as little-endian {@code long} words and tests all eight bytes
 * of a word at once (SIMD within a register): XOR with the wanted byte repeated eight times
 * turns every matching byte into {@code 0x00}, and
 * {@code (x - 0x0101010101010101) & ~x & 0x8080808080808080} sets the top bit of the lowest
 * zero byte (higher bits may be false positives after a borrow, the lowest one never is).
 * The search tests several words per branch (their zero-byte masks OR-ed together, the exact
 * word picked once one is set): the first 32 bytes two words at a time, so that a short frame's
 * end is found after one or two steps, then four words at a time; the last words and the tail
 * shorter than a word are searched one word, then one byte at a time.
 *
 * <pre>
 *   word (little endian):  a[i+7] a[i+6] ... a[i+1] a[i]
 *   XOR 0x0a0a0a0a0a0a0a0a  -&gt;  00 where a[k] == '\n'
 *   zero-byte test          -&gt;  0x80 in the lowest such byte  -&gt;  index = i + tz / 8
 * </pre>
 *
 * <p>Measured on this project's machine (JDK 17, C2, thread CPU time): one word per step is about
 * 10% faster than a plain loop on 16-byte lines and about 1.5 times as fast on lines of 256 bytes
 * or more; two words per step finds the ends of 16-byte lines about 10% faster than one, and four
 * words per step scans 1 KiB lines about 20% faster than two (but short lines about 5% slower,
 * hence the two-word start). BENCHMARKS.md has the numbers.
 * Used by the single-byte rules (LF, EOT, one-byte delimiters); rules of other packages may
 * use it too.
 */
public final class ByteSearch {

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteSearch() {
    }

    /**
     * The index of the first {@code b} in {@code a[from, to)}, or -1 if there is none.
     *
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within {@code a}
     */
    public static int indexOf(byte[] a, int from, int to, byte b) {
        Objects.checkFromToIndex(from, to, a.length);
        int i = from;
        long pattern = (b & 0xFFL) * ONES;
        // frames are often short: the first 32 bytes two words per step (one branch per 16 bytes)...
        for (int k = 0, last = to - 2 * Long.BYTES; k < 2 && i <= last; k++, i += 2 * Long.BYTES) {
            long x0 = (long) LONGS.get(a, i) ^ pattern;
            long x1 = (long) LONGS.get(a, i + Long.BYTES) ^ pattern;
            long f0 = (x0 - ONES) & ~x0;
            long f1 = (x1 - ONES) & ~x1;
            if (((f0 | f1) & HIGHS) != 0) {
                f0 &= HIGHS;
                return f0 != 0
                        ? i + (Long.numberOfTrailingZeros(f0) >>> 3)
                        : i + Long.BYTES + (Long.numberOfTrailingZeros(f1 & HIGHS) >>> 3);
            }
        }
        // ...then four words per step, one branch for 32 bytes; the word that matched is picked afterwards
        for (int last = to - 4 * Long.BYTES; i <= last; i += 4 * Long.BYTES) {
            long x0 = (long) LONGS.get(a, i) ^ pattern;
            long x1 = (long) LONGS.get(a, i + Long.BYTES) ^ pattern;
            long x2 = (long) LONGS.get(a, i + 2 * Long.BYTES) ^ pattern;
            long x3 = (long) LONGS.get(a, i + 3 * Long.BYTES) ^ pattern;
            long f0 = (x0 - ONES) & ~x0;
            long f1 = (x1 - ONES) & ~x1;
            long f2 = (x2 - ONES) & ~x2;
            long f3 = (x3 - ONES) & ~x3;
            if (((f0 | f1 | f2 | f3) & HIGHS) != 0) {
                if ((f0 &= HIGHS) != 0) {
                    return i + (Long.numberOfTrailingZeros(f0) >>> 3);
                }
                if ((f1 &= HIGHS) != 0) {
                    return i + Long.BYTES + (Long.numberOfTrailingZeros(f1) >>> 3);
                }
                if ((f2 &= HIGHS) != 0) {
                    return i + 2 * Long.BYTES + (Long.numberOfTrailingZeros(f2) >>> 3);
                }
                return i + 3 * Long.BYTES + (Long.numberOfTrailingZeros(f3 & HIGHS) >>> 3);
            }
        }
        for (int last = to - Long.BYTES; i <= last; i += Long.BYTES) {
            long x = (long) LONGS.get(a, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
