package org.streamframer.framing.fstrm;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.streamframer.framing.FramingException;

/**
 * Reads a unidirectional Frame Streams stream, as {@code fstrm_capture} and dnstap servers
 * write to files: START (with the content type), data frames, STOP.
 *
 * <pre>{@code
 * try (FstrmFileReader r = FstrmFileReader.open(Path.of("knot.fstrm"))) {
 *     r.contentType();                         // "protobuf:dnstap.Dnstap"
 *     for (ByteBuffer p = r.next(); p != null; p = r.next()) {
 *         handle(p);                           // valid until the next call
 *     }
 * }
 * }</pre>
 *
 * A bad or over-long frame throws a {@link FramingException} from {@link #next()} after it has
 * been skipped; call {@link #next()} again to go on. A stream cut inside a frame throws
 * {@link org.streamframer.framing.PartialFrameException}; one that ends between frames without
 * STOP throws {@link FstrmProtocolException}. Not thread-safe.
 */
public final class FstrmFileReader implements Closeable {
    private final InputStream in;
    private final FstrmInput input;
    private final String contentType;
    private long dataFrames;
    private boolean stopped;

    /** Reads START from {@code in}, with the default 1 MiB data frame maximum. */
    public FstrmFileReader(InputStream in) throws IOException {
        this(in, FstrmRule.DEFAULT_MAX_DATA_LENGTH);
    }

    /**
     * Reads START from {@code in}.
     *
     * @throws FstrmProtocolException the stream does not begin with START
     */
    public FstrmFileReader(InputStream in, int maxDataLength) throws IOException {
        this.in = Objects.requireNonNull(in, "in");
        this.input = new FstrmInput(in, new FstrmRule(maxDataLength));
        this.contentType = input.expect(ControlType.START, null, "at the beginning of the stream").contentType();
    }

    /** Opens {@code file} and reads its START. */
    public static FstrmFileReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return new FstrmFileReader(in);
        } catch (IOException | RuntimeException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The content type START named, or null. */
    public String contentType() {
        return contentType;
    }

    /**
     * The next data frame's bytes (a read-only view from {@code position()} to {@code limit()},
     * valid until the next call), or null once STOP has been read.
     */
    public ByteBuffer next() throws IOException {
        if (stopped) {
            return null;
        }
        if (!input.nextData(dataFrames)) {
            stopped = true;
            return null;
        }
        dataFrames++;
        return input.payload();
    }

    /**
     * Delivers every remaining data frame to {@code handler} until STOP (or until it returns
     * false); framing errors go to its {@code onError}.
     *
     * @return the data frames delivered by this call
     */
    public long forEach(FstrmDataHandler handler) throws IOException {
        long n = 0;
        while (true) {
            ByteBuffer p;
            try {
                p = next();
            } catch (FramingException e) {
                handler.onError(e);
                continue;
            }
            if (p == null) {
                return n;
            }
            n++;
            if (!handler.onData(p)) {
                return n;
            }
        }
    }

    /** Every remaining data frame, copied. */
    public List<byte[]> readAll() throws IOException {
        List<byte[]> all = new ArrayList<>();
        forEach(p -> {
            byte[] b = new byte[p.remaining()];
            p.get(b);
            return all.add(b);
        });
        return all;
    }

    /** Data frames read so far. */
    public long dataFrames() {
        return dataFrames;
    }

    /** Whether STOP has been read. */
    public boolean isStopped() {
        return stopped;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
