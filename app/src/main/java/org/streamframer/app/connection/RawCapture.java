package org.streamframer.app.connection;

import java.io.IOException;
import java.util.Objects;

import org.streamframer.framing.transport.Transport;
import org.streamframer.framing.transport.TransportFactory;

/**
 * Keeps the most recent received bytes exactly as they came off the wire (before any framing),
 * for the raw view and for terminator detection. A ring of {@code capacity} bytes, filled by the
 * reader thread through {@link #wrap(TransportFactory)}; {@link #snapshot()} copies it for
 * another thread. Constant memory; the copy per read is one {@code arraycopy}.
 */
public final class RawCapture {

    /** A copy of the captured bytes: {@code bytes[0]} is stream offset {@code firstOffset}. */
    public record Snapshot(long firstOffset, byte[] bytes) {
        /** Stream offset just past the last captured byte. */
        public long endOffset() {
            return firstOffset + bytes.length;
        }
    }

    private final byte[] ring;
    private long total; // guarded by this: bytes captured since the connection opened

    public RawCapture(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1: " + capacity);
        }
        this.ring = new byte[capacity];
    }

    /**
     * A factory whose transports report what they read here. Closing it closes {@code inner}
     * when that is {@link AutoCloseable} (a TCP listener), so the reader service that closes its
     * factory also frees the listening port.
     */
    public TransportFactory wrap(TransportFactory inner) {
        return new TappedFactory(Objects.requireNonNull(inner, "inner"));
    }

    /** Bytes received since the start. */
    public synchronized long total() {
        return total;
    }

    /** The captured bytes at and after stream offset {@code from} (the older ones may be gone). */
    public synchronized Snapshot since(long from) {
        long first = Math.max(from, Math.max(0, total - ring.length));
        int n = (int) Math.max(0, total - first);
        byte[] out = new byte[n];
        for (int i = 0; i < n; ) {
            int pos = (int) ((first + i) % ring.length);
            int chunk = Math.min(n - i, ring.length - pos);
            System.arraycopy(ring, pos, out, i, chunk);
            i += chunk;
        }
        return new Snapshot(first, out);
    }

    /** Everything still held. */
    public Snapshot snapshot() {
        return since(0);
    }

    synchronized void record(byte[] src, int off, int len) {
        int skip = Math.max(0, len - ring.length);
        total += skip;
        off += skip;
        len -= skip;
        while (len > 0) {
            int pos = (int) (total % ring.length);
            int chunk = Math.min(len, ring.length - pos);
            System.arraycopy(src, off, ring, pos, chunk);
            off += chunk;
            len -= chunk;
            total += chunk;
        }
        notifyAll();
    }

    /** Waits until more than {@code offset} bytes have arrived or {@code millis} passed. */
    public synchronized boolean awaitBeyond(long offset, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (total <= offset) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    private final class TappedFactory implements TransportFactory, AutoCloseable {
        private final TransportFactory inner;

        TappedFactory(TransportFactory inner) {
            this.inner = inner;
        }

        @Override
        public Transport open() throws IOException {
            return new Tapped(inner.open());
        }

        @Override
        public void close() throws Exception {
            if (inner instanceof AutoCloseable c) {
                c.close();
            }
        }

        @Override
        public String toString() {
            return inner.toString();
        }
    }

    private final class Tapped implements Transport {
        private final Transport inner;

        Tapped(Transport inner) {
            this.inner = inner;
        }

        @Override
        public int read(byte[] dst, int off, int len) throws IOException {
            int n = inner.read(dst, off, len);
            if (n > 0) {
                record(dst, off, n);
            }
            return n;
        }

        @Override
        public void write(byte[] src, int off, int len) throws IOException {
            inner.write(src, off, len);
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
