package org.streamframer.framing.rules;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.ScanResult;

/**
 * Every frame is the same number of bytes.
 *
 * <pre>
 *   length = 3
 *   reads:   A B | C D E F | G H     (however the bytes arrive)
 *   frames:  [A B C] [D E F]          "G H" waits for one more byte
 * </pre>
 *
 * <p>The rule asks to be called again only once the whole frame can be there, so a frame that
 * arrives in many reads is examined once. Its maximum frame length is the length.
 */
public final class FixedLengthRule implements FrameRule {

    private final int length;

    /** @param length bytes in every frame, at least 1 */
    public FixedLengthRule(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("length < 1: " + length);
        }
        this.length = length;
    }

    @Override
    public void scan(FrameBuffer buffer, int from, ScanResult out) {
        int start = buffer.start();
        if (buffer.end() - start >= length) {
            out.frame(start, start + length, start + length);
        } else {
            out.needMore((long) start + length);
        }
    }

    /** Bytes in every frame. */
    public int length() {
        return length;
    }

    /** The length: no frame is ever longer. */
    @Override
    public int maxFrameLength() {
        return length;
    }

    @Override
    public String toString() {
        return "FixedLengthRule[" + length + "]";
    }
}
