package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ByteSearchTest {

    private static int naive(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findsTheFirstMatchAtEveryRangeForEveryByteValue() {
        Random random = new Random(42);
        byte[] a = new byte[40];
        for (int round = 0; round < 64; round++) {
            // few distinct values, so matches, near-misses (b ^ 1, b + 1) and borrows all occur
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) (round * 4 + random.nextInt(4));
            }
            for (int v = round * 4 - 1; v <= round * 4 + 4; v++) {
                byte b = (byte) v;
                for (int from = 0; from <= a.length; from++) {
                    for (int to = from; to <= a.length; to++) {
                        assertEquals(naive(a, from, to, b), ByteSearch.indexOf(a, from, to, b),
                                "byte " + v + " in [" + from + ", " + to + ")");
                    }
                }
            }
        }
    }

    @Test
    void findsTheFirstMatchInLongRangesWhereverTheMatchAndTheRangeStart() {
        // long enough for every step width (two words, four words, one word, bytes) to see the match
        Random random = new Random(7);
        byte[] a = new byte[160];
        for (int from = 0; from < 40; from++) {
            for (int at = from; at <= a.length; at++) { // at == a.length: no match
                for (int i = 0; i < a.length; i++) {
                    a[i] = (byte) (0x0b + random.nextInt(2)); // 0x0b, 0x0c: near misses of 0x0a
                }
                if (at < a.length) {
                    a[at] = 0x0a;
                    if (at + 1 < a.length) {
                        a[at + 1] = 0x0a; // a second match right after must not be taken
                    }
                }
                for (int to : new int[] {a.length, Math.max(from, at), Math.min(a.length, at + 1)}) {
                    assertEquals(naive(a, from, to, (byte) 0x0a), ByteSearch.indexOf(a, from, to, (byte) 0x0a),
                            "match at " + at + " in [" + from + ", " + to + ")");
                }
            }
        }
    }

    @Test
    void aNearMissNextToTheMatchIsNotTakenForIt() {
        // 0x0b XOR 0x0a == 0x01: just above a match it is the zero-byte test's false positive
        byte[] above = {5, 5, 5, 0x0a, 0x0b, 5, 5, 5, 5};
        assertEquals(3, ByteSearch.indexOf(above, 0, above.length, (byte) 0x0a));
        assertEquals(-1, ByteSearch.indexOf(above, 4, above.length, (byte) 0x0a));
        byte[] below = {5, 5, 5, 0x0b, 0x0a, 5, 5, 5, 5};
        assertEquals(4, ByteSearch.indexOf(below, 0, below.length, (byte) 0x0a));
    }

    @Test
    void aRangeOutsideTheArrayIsRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> ByteSearch.indexOf(new byte[4], 2, 5, (byte) 0));
        assertThrows(IndexOutOfBoundsException.class, () -> ByteSearch.indexOf(new byte[4], 3, 2, (byte) 0));
    }
}
