package org.streamframer.framing.fstrm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Writes Frame Streams data and control frames (the layouts are drawn on {@link FstrmRule} and
 * {@link ControlFrame}), into a {@link ByteBuffer}, an {@link OutputStream} or a new array.
 *
 * <p>A data frame cannot be empty: a zero length is the control frame escape, so the encoder
 * refuses an empty payload ({@link IllegalArgumentException}) rather than write a stream that
 * would be misread. Control frames are checked when the {@link ControlFrame} is made.
 *
 * <p>The stream methods write the 4-byte header and the payload as separate writes: give them
 * a buffered stream. Stateless; all methods are static.
 */
public final class FstrmEncoder {

    /** Bytes before a data frame's payload: the 32-bit length. */
    public static final int DATA_HEADER_LENGTH = 4;

    private FstrmEncoder() {
    }

    /** Bytes a data frame of {@code payloadLength} bytes takes on the wire. */
    public static long dataFrameLength(int payloadLength) {
        checkPayloadLength(payloadLength);
        return DATA_HEADER_LENGTH + (long) payloadLength;
    }

    /** A new array holding the data frame of {@code payload}. */
    public static byte[] encodeData(byte[] payload) {
        checkPayloadLength(payload.length);
        byte[] out = new byte[DATA_HEADER_LENGTH + payload.length];
        putInt(out, 0, payload.length);
        System.arraycopy(payload, 0, out, DATA_HEADER_LENGTH, payload.length);
        return out;
    }

    /** A new array holding {@code control} with its escape and CLEN. */
    public static byte[] encodeControl(ControlFrame control) {
        ByteBuffer b = ByteBuffer.allocate(control.encodedLength());
        writeControl(b, control);
        return b.array();
    }

    /**
     * Puts the data frame of {@code payload[offset, offset+length)} into {@code dst}.
     *
     * @throws BufferOverflowException {@code dst} has less room than the frame; nothing is put
     */
    public static void writeData(ByteBuffer dst, byte[] payload, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        checkPayloadLength(length);
        if (dst.remaining() < DATA_HEADER_LENGTH + (long) length) {
            throw new BufferOverflowException();
        }
        dst.putInt(length).put(payload, offset, length);
    }

    /**
     * Puts the data frame of {@code payload}'s remaining bytes into {@code dst}, advancing both.
     *
     * @throws BufferOverflowException {@code dst} has less room than the frame; nothing is put
     */
    public static void writeData(ByteBuffer dst, ByteBuffer payload) {
        int length = payload.remaining();
        checkPayloadLength(length);
        if (dst.remaining() < DATA_HEADER_LENGTH + (long) length) {
            throw new BufferOverflowException();
        }
        dst.putInt(length).put(payload);
    }

    /** Writes the data frame of {@code payload[offset, offset+length)}. */
    public static void writeData(OutputStream out, byte[] payload, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, payload.length);
        checkPayloadLength(length);
        writeInt(out, length);
        out.write(payload, offset, length);
    }

    /**
     * Puts {@code control} (escape, CLEN, type, fields) into {@code dst}.
     *
     * @throws BufferOverflowException {@code dst} has less room than the frame; nothing is put
     */
    public static void writeControl(ByteBuffer dst, ControlFrame control) {
        if (dst.remaining() < control.encodedLength()) {
            throw new BufferOverflowException();
        }
        dst.putInt(0).putInt(control.length()).putInt(control.type().code());
        for (String ct : control.contentTypes()) {
            dst.putInt(ControlFrame.FIELD_CONTENT_TYPE).putInt(ct.length());
            for (int i = 0; i < ct.length(); i++) {
                dst.put((byte) ct.charAt(i));
            }
        }
    }

    /** Writes {@code control} (escape, CLEN, type, fields) in one write. */
    public static void writeControl(OutputStream out, ControlFrame control) throws IOException {
        out.write(encodeControl(control));
    }

    private static void checkPayloadLength(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("data frame payload of " + length
                    + " bytes: Frame Streams cannot carry an empty data frame (a zero length is the control frame escape)");
        }
    }

    private static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void putInt(byte[] a, int i, int v) {
        a[i] = (byte) (v >>> 24);
        a[i + 1] = (byte) (v >>> 16);
        a[i + 2] = (byte) (v >>> 8);
        a[i + 3] = (byte) v;
    }
}
