package org.streamframer.framing.rules;

import java.util.Arrays;
import java.util.Objects;

/**
 * Writes COBS frames, the format {@link CobsRule} reads: the payload split at its zeros into
 * blocks of at most 254 bytes, each led by a code byte (its length + 1), and a zero after the
 * frame. The overhead is at most one byte per 254 payload bytes (one for a shorter payload),
 * plus the zero.
 *
 * <pre>
 *   11 22 00 33        -&gt;  03 11 22 02 33 00
 *   (empty)            -&gt;  01 00
 *   01 02 .. FE (254)  -&gt;  FF 01 02 .. FE 00
 *   01 02 .. FF (255)  -&gt;  FF 01 02 .. FE 02 FF 00
 * </pre>
 */
public final class CobsEncoder {

    private CobsEncoder() {
    }

    /** The most bytes {@link #encode} writes for a payload of {@code payloadLength} bytes, the zero included. */
    public static int maxEncodedLength(int payloadLength) {
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength < 0: " + payloadLength);
        }
        return Math.toIntExact(payloadLength + payloadLength / 254 + 2L);
    }

    /** The payload as one COBS frame, its zero included. */
    public static byte[] encode(byte[] payload) {
        return encode(payload, 0, payload.length);
    }

    /** {@code payload[off, off + len)} as one COBS frame, its zero included. */
    public static byte[] encode(byte[] payload, int off, int len) {
        byte[] out = new byte[maxEncodedLength(len)];
        int n = encode(payload, off, len, out, 0);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Writes {@code src[off, off + len)} as one COBS frame, its zero included, into {@code dst}
     * at {@code dstOff}.
     *
     * @return the number of bytes written
     * @throws IndexOutOfBoundsException if {@code dst} has less room than the frame needs
     *                                   ({@link #maxEncodedLength} is always enough)
     */
    public static int encode(byte[] src, int off, int len, byte[] dst, int dstOff) {
        Objects.checkFromIndexSize(off, len, src.length);
        int codeAt = dstOff; // where the current block's code byte goes
        int w = dstOff + 1;
        int code = 1;
        int last = off + len;
        for (int i = off; i < last; i++) {
            byte x = src[i];
            if (x == 0) {
                dst[codeAt] = (byte) code;
                codeAt = w++;
                code = 1;
            } else {
                dst[w++] = x;
                code++;
                if (code == CobsRule.MAX_CODE && i + 1 < last) {
                    // a full block of 254 bytes with more to come: it stands for no zero
                    dst[codeAt] = (byte) code;
                    codeAt = w++;
                    code = 1;
                }
            }
        }
        dst[codeAt] = (byte) code;
        dst[w++] = 0;
        return w - dstOff;
    }
}
