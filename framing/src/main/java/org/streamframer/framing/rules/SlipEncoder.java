package org.streamframer.framing.rules;

import static org.streamframer.framing.rules.SlipRule.END;
import static org.streamframer.framing.rules.SlipRule.ESC;
import static org.streamframer.framing.rules.SlipRule.ESC_END;
import static org.streamframer.framing.rules.SlipRule.ESC_ESC;

import java.util.Objects;

/**
 * Writes SLIP (RFC 1055) frames, the format {@link SlipRule} reads: END and ESC data bytes are
 * escaped, END ends the frame, and optionally an END goes first to flush line noise.
 *
 * <pre>
 *   payload:                C0 DB 01
 *   standard():             DB DC DB DD 01 C0
 *   withLeadingEnd():    C0 DB DC DB DD 01 C0
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SlipEncoder {

    private static final SlipEncoder STANDARD = new SlipEncoder(false);
    private static final SlipEncoder LEADING_END = new SlipEncoder(true);

    private final boolean leadingEnd;

    private SlipEncoder(boolean leadingEnd) {
        this.leadingEnd = leadingEnd;
    }

    /** Frames end with END, nothing before them. */
    public static SlipEncoder standard() {
        return STANDARD;
    }

    /** Frames begin and end with END (the receiver drops the empty frame this makes). */
    public static SlipEncoder withLeadingEnd() {
        return LEADING_END;
    }

    public boolean leadingEnd() {
        return leadingEnd;
    }

    /** The most bytes {@link #encode} writes for a payload of {@code payloadLength} bytes. */
    public int maxEncodedLength(int payloadLength) {
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength < 0: " + payloadLength);
        }
        return Math.toIntExact(2L * payloadLength + (leadingEnd ? 2 : 1));
    }

    /** The payload as one SLIP frame. */
    public byte[] encode(byte[] payload) {
        return encode(payload, 0, payload.length);
    }

    /** {@code payload[off, off + len)} as one SLIP frame. */
    public byte[] encode(byte[] payload, int off, int len) {
        Objects.checkFromIndexSize(off, len, payload.length);
        int escapes = 0;
        for (int i = off; i < off + len; i++) {
            if (payload[i] == END || payload[i] == ESC) {
                escapes++;
            }
        }
        byte[] out = new byte[len + escapes + (leadingEnd ? 2 : 1)];
        encode(payload, off, len, out, 0);
        return out;
    }

    /**
     * Writes {@code src[off, off + len)} as one SLIP frame into {@code dst} at {@code dstOff}.
     *
     * @return the number of bytes written
     * @throws IndexOutOfBoundsException if {@code dst} has less room than the frame needs
     *                                   ({@link #maxEncodedLength} is always enough)
     */
    public int encode(byte[] src, int off, int len, byte[] dst, int dstOff) {
        Objects.checkFromIndexSize(off, len, src.length);
        int w = dstOff;
        if (leadingEnd) {
            dst[w++] = END;
        }
        for (int i = off; i < off + len; i++) {
            byte x = src[i];
            if (x == END) {
                dst[w++] = ESC;
                dst[w++] = ESC_END;
            } else if (x == ESC) {
                dst[w++] = ESC;
                dst[w++] = ESC_ESC;
            } else {
                dst[w++] = x;
            }
        }
        dst[w++] = END;
        return w - dstOff;
    }

    @Override
    public String toString() {
        return leadingEnd ? "SlipEncoder[leading END]" : "SlipEncoder[standard]";
    }
}
