package org.streamframer.framing.fstrm;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a unidirectional Frame Streams stream (a file, as {@code fstrm_capture} writes):
 * START with the content type when made, data frames, STOP on {@link #close()}. The output is
 * what {@code fstrm_dump} and {@code fstrm_replay} read.
 *
 * <pre>{@code
 * try (FstrmFileWriter w = FstrmFileWriter.create(Path.of("out.fstrm"), "protobuf:dnstap.Dnstap")) {
 *     w.write(payload);
 * }
 * }</pre>
 *
 * Buffered; not thread-safe.
 */
public final class FstrmFileWriter implements Closeable, Flushable {
    private final FstrmOutput output;
    private final String contentType;
    private boolean closed;

    /**
     * Writes START to {@code out}.
     *
     * @param contentType the content type START names, or null for none
     */
    public FstrmFileWriter(OutputStream out, String contentType) throws IOException {
        ControlFrame start = ControlFrame.start(contentType); // checks it before writing anything
        this.output = new FstrmOutput(out);
        this.contentType = contentType;
        output.control(start);
    }

    /** Creates (or truncates) {@code file} and writes START. */
    public static FstrmFileWriter create(Path file, String contentType) throws IOException {
        ControlFrame.start(contentType);
        return new FstrmFileWriter(Files.newOutputStream(file), contentType);
    }

    /** The content type START named, or null. */
    public String contentType() {
        return contentType;
    }

    /** Writes one data frame. */
    public void write(byte[] payload) throws IOException {
        write(payload, 0, payload.length);
    }

    /** Writes one data frame of {@code payload[offset, offset+length)}. */
    public void write(byte[] payload, int offset, int length) throws IOException {
        requireOpen();
        output.data(payload, offset, length);
    }

    /** Writes the remaining bytes of {@code payload} as one data frame, advancing it. */
    public void write(ByteBuffer payload) throws IOException {
        requireOpen();
        output.data(payload);
    }

    /** Data frames written so far. */
    public long framesWritten() {
        return output.dataFrames();
    }

    @Override
    public void flush() throws IOException {
        output.flush();
    }

    /** Writes STOP and closes the stream. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            output.control(ControlFrame.stop());
        } finally {
            output.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("closed after " + framesWritten() + " data frames (STOP written)");
        }
    }
}
