package org.streamframer.framing.rules;

import java.nio.ByteOrder;
import java.util.Objects;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.ScanResult;

/**
 * Frames that declare their length in a header field (as Netty's
 * {@code LengthFieldBasedFrameDecoder}).
 *
 * <p>The field is {@code lengthSize} bytes (1, 2, 3, 4 or 8) at {@code lengthOffset} from the
 * frame's first byte, big or little endian, unsigned (the 8-byte field is signed, and negative
 * values are rejected). It counts the bytes after the field, plus {@code lengthAdjustment}:
 *
 * <pre>
 *   frame length = lengthOffset + lengthSize + field value + lengthAdjustment
 *   delivered    = the frame without its first bytesToStrip bytes
 *
 *   offset 0, size 2, adjustment 0, strip 2
 *   BEFORE:  | 00 05 | H E L L O |        AFTER:  | H E L L O |
 *             length   content
 *
 *   offset 1, size 2, adjustment -3 (the field counts the whole frame), strip 0
 *   BEFORE:  | 7e | 00 08 | H E L L O |   AFTER:  | 7e 00 08 H E L L O |
 *             tag  length
 * </pre>
 *
 * <p>The maximum frame length applies to the whole frame as it arrives, header included. A
 * frame that declares more is reported ({@code FrameTooLongException}) as soon as the header is
 * read and its bytes are then skipped as they arrive, without ever being held: nothing the size
 * of the declared length is allocated. A field value that cannot be (negative, or a frame
 * shorter than its own header or than {@code bytesToStrip}) is reported as a
 * {@code CorruptFrameException}, and the header is skipped so that reading goes on.
 *
 * <p>Once it has read a header the rule asks to be called again only when the whole frame can
 * be there: a large frame arriving in many reads costs one header read per call.
 */
public final class LengthFieldRule implements FrameRule {

    private final int lengthOffset;
    private final int lengthSize;
    private final ByteOrder order;
    private final int lengthAdjustment;
    private final int bytesToStrip;
    private final int maxFrameLength;
    /** {@code lengthOffset + lengthSize}. */
    private final int headerEnd;

    /**
     * @param lengthOffset     bytes before the length field, at least 0
     * @param lengthSize       the field's size: 1, 2, 3, 4 or 8 bytes
     * @param order            the field's byte order
     * @param lengthAdjustment added to the field's value to give the bytes after the field
     *                         (negative when the field counts the header too)
     * @param bytesToStrip     bytes removed from the front of each delivered frame, at least 0
     * @param maxFrameLength   the longest frame accepted, header included
     */
    public LengthFieldRule(int lengthOffset, int lengthSize, ByteOrder order, int lengthAdjustment,
                           int bytesToStrip, int maxFrameLength) {
        if (lengthOffset < 0) {
            throw new IllegalArgumentException("lengthOffset < 0: " + lengthOffset);
        }
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 3 && lengthSize != 4 && lengthSize != 8) {
            throw new IllegalArgumentException("lengthSize must be 1, 2, 3, 4 or 8: " + lengthSize);
        }
        if (bytesToStrip < 0) {
            throw new IllegalArgumentException("bytesToStrip < 0: " + bytesToStrip);
        }
        Checks.maxFrameLength(maxFrameLength);
        if (maxFrameLength < lengthOffset + lengthSize) {
            throw new IllegalArgumentException("maxFrameLength (" + maxFrameLength
                    + ") is shorter than the header (lengthOffset " + lengthOffset + " + lengthSize "
                    + lengthSize + ")");
        }
        this.lengthOffset = lengthOffset;
        this.lengthSize = lengthSize;
        this.order = Objects.requireNonNull(order, "order");
        this.lengthAdjustment = lengthAdjustment;
        this.bytesToStrip = bytesToStrip;
        this.maxFrameLength = maxFrameLength;
        this.headerEnd = lengthOffset + lengthSize;
    }

    @Override
    public void scan(FrameBuffer buffer, int from, ScanResult out) {
        int start = buffer.start();
        int end = buffer.end();
        if (end - start < headerEnd) {
            out.needMore((long) start + headerEnd);
            return;
        }
        long value = readField(buffer.array(), start + lengthOffset);
        if (value < 0) {
            out.corrupt(start + headerEnd, "negative length field (" + value + ") at offset "
                    + lengthOffset);
            return;
        }
        if (value > Long.MAX_VALUE - headerEnd - Math.max(0, lengthAdjustment)) {
            out.corrupt(start + headerEnd, "length field (" + value + ") plus header (" + headerEnd
                    + ") and adjustment (" + lengthAdjustment + ") overflows a 64-bit length");
            return;
        }
        long frameLength = headerEnd + value + lengthAdjustment;
        if (frameLength < headerEnd) {
            out.corrupt(start + headerEnd, "adjusted frame length (" + frameLength
                    + ") is less than the header (" + headerEnd + " bytes): length field " + value
                    + ", adjustment " + lengthAdjustment);
            return;
        }
        if (frameLength < bytesToStrip) {
            out.corrupt(start + headerEnd, "frame length (" + frameLength
                    + ") is less than bytesToStrip (" + bytesToStrip + ")");
            return;
        }
        if (frameLength > maxFrameLength) {
            long skipTo = frameLength > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + frameLength;
            out.tooLong(frameLength, skipTo);
            return;
        }
        int frameEnd = start + (int) frameLength;
        if (end - start < frameLength) {
            out.needMore(frameEnd);
        } else {
            out.frame(start + bytesToStrip, frameEnd, frameEnd);
        }
    }

    private long readField(byte[] a, int at) {
        long v = 0;
        if (order == ByteOrder.BIG_ENDIAN) {
            for (int i = 0; i < lengthSize; i++) {
                v = (v << 8) | (a[at + i] & 0xFF);
            }
        } else {
            for (int i = lengthSize - 1; i >= 0; i--) {
                v = (v << 8) | (a[at + i] & 0xFF);
            }
        }
        return v;
    }

    /** Bytes before the length field. */
    public int lengthOffset() {
        return lengthOffset;
    }

    /** The length field's size in bytes. */
    public int lengthSize() {
        return lengthSize;
    }

    /** The length field's byte order. */
    public ByteOrder order() {
        return order;
    }

    /** Added to the field's value to give the bytes after the field. */
    public int lengthAdjustment() {
        return lengthAdjustment;
    }

    /** Bytes removed from the front of each delivered frame. */
    public int bytesToStrip() {
        return bytesToStrip;
    }

    /** The longest frame accepted, header included. */
    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public String toString() {
        return "LengthFieldRule[offset " + lengthOffset + ", size " + lengthSize + ", " + order
                + ", adjustment " + lengthAdjustment + ", strip " + bytesToStrip + ", max "
                + maxFrameLength + "]";
    }
}
