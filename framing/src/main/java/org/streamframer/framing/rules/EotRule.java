package org.streamframer.framing.rules;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.ScanResult;

/**
 * Frames end at one end-of-transmission byte, {@code 0x04} unless told otherwise
 * (streamframer's {@code until_eot}).
 *
 * <pre>
 *   bytes:          R  E  A  D  Y  04  O  K  04
 *   strip = true:   [ "READY"      ]   [ "OK" ]
 *   strip = false:  [ "READY" 04      ][ "OK" 04 ]
 *                                  ^ consumed through each EOT
 * </pre>
 *
 * <p>The search is word-at-a-time ({@link ByteSearch}) and resumes at the buffered end, so
 * each byte is examined once.
 */
public final class EotRule implements FrameRule {

    /** ASCII EOT. */
    public static final byte EOT = 0x04;

    private final byte eot;
    private final boolean strip;
    private final int maxFrameLength;
    private final boolean failFast;

    /** EOT {@code 0x04}, stripped, frames up to {@link Rules#DEFAULT_MAX_FRAME_LENGTH}. */
    public EotRule() {
        this(EOT, true, Rules.DEFAULT_MAX_FRAME_LENGTH, false);
    }

    /**
     * @param eot            the terminator byte
     * @param strip          leave the terminator out of the frame (it is consumed either way)
     * @param maxFrameLength the longest frame delivered; longer ones are reported once and skipped
     * @param failFast       report an over-long frame as soon as it passes the maximum
     */
    public EotRule(byte eot, boolean strip, int maxFrameLength, boolean failFast) {
        this.eot = eot;
        this.strip = strip;
        this.maxFrameLength = Checks.maxFrameLength(maxFrameLength);
        this.failFast = failFast;
    }

    @Override
    public void scan(FrameBuffer buffer, int from, ScanResult out) {
        SingleByteTerminator.scan(buffer, from, out, eot, strip);
    }

    /** The terminator byte. */
    public byte eot() {
        return eot;
    }

    /** Whether the terminator is left out of the frame. */
    public boolean strip() {
        return strip;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public boolean failFast() {
        return failFast;
    }

    @Override
    public String toString() {
        return "EotRule[" + SingleByteTerminator.hex(eot) + (strip ? ", strip" : ", keep") + ", max "
                + maxFrameLength + (failFast ? ", fail fast" : "") + "]";
    }
}
