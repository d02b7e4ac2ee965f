package org.streamframer.framing.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * A connected byte stream to an instrument or peer: TCP client, TCP listen or serial. The reader
 * service and the tests never care which.
 *
 * <p>Threading: one thread reads while any number of others write; writes are serialized by the
 * transport and never wait behind a blocked read. {@link #close()} may be called from any thread
 * and unblocks a read in progress (which then returns -1 or throws).
 *
 * <p>Reads time out (a few hundred milliseconds at most) so a reading loop can notice
 * {@code close()} and poll time-based rules without a byte arriving.
 */
public interface Transport extends Closeable {

    /**
     * Reads into {@code dst[off, off+len)}. Blocks up to the read timeout.
     *
     * @return bytes read, 0 when the read timed out with nothing, -1 at end of stream
     * @throws IOException the connection failed (reset, device gone)
     */
    int read(byte[] dst, int off, int len) throws IOException;

    /** Writes all bytes. Thread-safe with respect to a concurrent {@link #read}. */
    void write(byte[] src, int off, int len) throws IOException;

    /**
     * Sets how long {@link #read} waits before returning 0 (the default is 100 ms). The reader
     * service shortens it for time-based rules ({@code FrameRule.idleTimeoutNanos()}). A
     * transport that cannot change it keeps its own, which is what this default does.
     */
    default void readTimeout(java.time.Duration timeout) throws IOException {
    }

    /**
     * A short human-readable description: {@code "tcp 127.0.0.1:5025"},
     * {@code "listen 127.0.0.1:6000 <- 127.0.0.1:43210"}, {@code "serial /dev/pts/3 115200 8N1"}.
     */
    String describe();

    /** True until {@link #close()} or until the peer is known to be gone. */
    boolean isOpen();

    /** Closes the connection; unblocks a blocked read. Idempotent. */
    @Override
    void close() throws IOException;
}
