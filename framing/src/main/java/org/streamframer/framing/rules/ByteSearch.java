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
 * The main loop tests two words per step with one branch (the zero-byte masks OR-ed together,
 * the exact word picked once one is set); the last word and the tail shorter than a word are
 * searched one word, then one byte at a time.
 *
 * <pre>
 *   word (little endian):  a[i+7] a[i+6] ... a[i+1] a[i]
 *   XOR 0x0a0a0a0a0a0a0a0a  -&gt;  00 where a[k] == '\n'
 *   zero-byte test          -&gt;  0x80 in the lowest such byte  -&gt;  index = i + tz / 8
 * </pre>
 *
 * <p>Measured on this project's machine (JDK 17, C2): about 10% faster than a plain loop on
 * 16-byte lines and about 1.5 times as fast on lines of 256 bytes or more; two words per step
 * framed 16-byte lines about 10% faster than one word per step, and longer lines no slower
 * (BENCHMARKS.md).
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
        // two words per step: one branch for 16 bytes, the exact word found afterwards
        for (int last = to - 2 * Long.BYTES; i <= last; i += 2 * Long.BYTES) {
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
