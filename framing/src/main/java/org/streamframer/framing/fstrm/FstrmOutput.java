package org.streamframer.framing.fstrm;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Writes Frame Streams frames to a stream through a buffer: the writing side the receiver,
 * the sender and the file writer share. A payload {@link ByteBuffer} without an accessible
 * array (read-only or direct) is copied through one reused scratch array, so forwarding
 * frames allocates nothing per frame once the scratch has grown to the largest.
 */
final class FstrmOutput implements Flushable, Closeable {
    private final OutputStream out;
    private byte[] scratch = new byte[0];
    private long dataFrames;
    private long dataBytes;

    FstrmOutput(OutputStream out) {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 64 * 1024);
    }

    void data(byte[] payload, int offset, int length) throws IOException {
        FstrmEncoder.writeData(out, payload, offset, length);
        counted(length);
    }

    void data(ByteBuffer payload) throws IOException {
        int n = payload.remaining();
        if (n == 0) {
            FstrmEncoder.dataFrameLength(0); // refuses, before anything is consumed
        }
        if (payload.hasArray()) {
            FstrmEncoder.writeData(out, payload.array(), payload.arrayOffset() + payload.position(), n);
            payload.position(payload.limit());
            counted(n);
            return;
        }
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, 2 * scratch.length)];
        }
        payload.get(scratch, 0, n);
        FstrmEncoder.writeData(out, scratch, 0, n);
        counted(n);
    }

    private void counted(int length) {
        dataFrames++;
        dataBytes += length;
    }

    /** Data frames written. */
    long dataFrames() {
        return dataFrames;
    }

    /** Payload bytes written. */
    long dataBytes() {
        return dataBytes;
    }

    void control(ControlFrame c) throws IOException {
        FstrmEncoder.writeControl(out, c);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
