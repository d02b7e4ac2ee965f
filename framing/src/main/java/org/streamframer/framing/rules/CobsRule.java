package org.streamframer.framing.rules;

import org.streamframer.framing.ScanResult;

/**
 * COBS frames (Cheshire and Baker, "Consistent Overhead Byte Stuffing"), a zero byte ending each
 * frame. Each code byte {@code c} (1 to 255) is followed by {@code c - 1} data bytes and stands
 * for a zero after them, except after a 0xFF block and at the frame's end. Frames are decoded in
 * place.
 *
 * <pre>
 *   on the wire:  03 11 22  02 33  00
 *                 |------|  |---|  |
 *                 11 22 0   33     frame end
 *   delivered:    11 22 00 33
 *
 *   FF d1 .. d254  02 d255  00      a 0xFF block carries 254 bytes and no zero
 * </pre>
 *
 * <ul>
 *   <li>Empty frames (zeros in a row) are dropped silently; the empty payload is {@code 01 00}.</li>
 *   <li>A code byte that announces more data than the frame holds (a zero where data was
 *       expected, e.g. {@code 02 00}) is a {@link org.streamframer.framing.CorruptFrameException};
 *       the frame is dropped up to that zero and framing goes on.</li>
 *   <li>{@link #maxFrameLength()} bounds the frame as received (encoded, without the zero); a
 *       frame past it is a {@link org.streamframer.framing.FrameTooLongException}, dropped up to
 *       its zero without being held.</li>
 * </ul>
 *
 * <p>{@link CobsEncoder} writes this format. Immutable and thread-safe.
 */
public final class CobsRule extends DelimitedDecodingRule {

    /** The longest block a code byte announces: 0xFF, 254 data bytes and no zero. */
    static final int MAX_CODE = 0xFF;

    /** @param maxFrameLength the longest frame as received, encoded, without its zero */
    public CobsRule(int maxFrameLength) {
        super((byte) 0, maxFrameLength);
    }

    @Override
    void decode(byte[] a, int from, int to, int consumeTo, ScanResult out) {
        int w = from;
        int r = from;
        while (r < to) {
            int code = a[r] & 0xFF; // never 0: a zero ended the frame
            int blockEnd = r + code;
            if (blockEnd > to) {
                out.corrupt(consumeTo, "bad COBS frame of " + (to - from) + " bytes: code " + hex(a[r])
                        + " at byte " + (r - from) + " announces " + (code - 1) + " data bytes, but a zero"
                        + " ends the frame after " + (to - r - 1));
                return;
            }
            System.arraycopy(a, r + 1, a, w, code - 1);
            w += code - 1;
            r = blockEnd;
            if (code != MAX_CODE && r < to) {
                a[w++] = 0;
            }
        }
        out.frame(from, w, consumeTo);
    }

    @Override
    public String toString() {
        return "CobsRule[max " + maxFrameLength() + "]";
    }
}
