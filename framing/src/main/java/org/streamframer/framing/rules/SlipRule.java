package org.streamframer.framing.rules;

import org.streamframer.framing.ScanResult;

/**
 * SLIP (RFC 1055) frames: END (0xC0) ends a frame; inside it, END and ESC are sent escaped.
 * Frames are unescaped in place, so a delivered frame is the original datagram.
 *
 * <pre>
 *   on the wire:  C0  DB DC  DB DD  01  C0
 *                 |   |---|  |---|  |   |
 *                 |   END    ESC    01  END: the frame ends
 *                 leading END: an empty frame, dropped
 *   delivered:    C0 DB 01
 * </pre>
 *
 * <ul>
 *   <li>Empty frames (ENDs in a row, the leading END many senders use to flush line noise) are
 *       dropped silently.</li>
 *   <li>ESC followed by anything but ESC_END (0xDC) or ESC_ESC (0xDD), or ESC as the frame's last
 *       byte, is a {@link org.streamframer.framing.CorruptFrameException}; the frame is dropped up
 *       to its END and framing goes on with the next one.</li>
 *   <li>{@link #maxFrameLength()} bounds the frame as received (escaped, without the END); a
 *       frame past it is a {@link org.streamframer.framing.FrameTooLongException}, dropped up to
 *       its END without being held.</li>
 * </ul>
 *
 * <p>{@link SlipEncoder} writes this format. Immutable and thread-safe.
 */
public final class SlipRule extends DelimitedDecodingRule {

    /** Frame end. */
    public static final byte END = (byte) 0xC0;
    /** Escape. */
    public static final byte ESC = (byte) 0xDB;
    /** ESC ESC_END stands for an END data byte. */
    public static final byte ESC_END = (byte) 0xDC;
    /** ESC ESC_ESC stands for an ESC data byte. */
    public static final byte ESC_ESC = (byte) 0xDD;

    /** @param maxFrameLength the longest frame as received, escaped, without its END */
    public SlipRule(int maxFrameLength) {
        super(END, maxFrameLength);
    }

    @Override
    void decode(byte[] a, int from, int to, int consumeTo, ScanResult out) {
        int w = from;
        for (int r = from; r < to; r++) {
            byte x = a[r];
            if (x == ESC) {
                if (r + 1 == to) {
                    out.corrupt(consumeTo, "SLIP frame of " + (to - from) + " bytes ends inside an escape:"
                            + " ESC (0xDB) at byte " + (r - from) + " is followed by END");
                    return;
                }
                byte y = a[++r];
                if (y == ESC_END) {
                    x = END;
                } else if (y == ESC_ESC) {
                    x = ESC;
                } else {
                    out.corrupt(consumeTo, "bad SLIP escape at byte " + (r - 1 - from) + " of a "
                            + (to - from) + "-byte frame: ESC (0xDB) followed by " + hex(y)
                            + ", not ESC_END (0xDC) or ESC_ESC (0xDD)");
                    return;
                }
            }
            a[w++] = x;
        }
        out.frame(from, w, consumeTo);
    }

    @Override
    public String toString() {
        return "SlipRule[max " + maxFrameLength() + "]";
    }
}
