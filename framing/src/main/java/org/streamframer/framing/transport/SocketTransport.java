package org.streamframer.framing.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A connected TCP socket channel as a {@link Transport}: what the client and listen transports
 * share. Reads time out (100 ms by default) and return 0; writes are serialized; {@code close()}
 * from any thread unblocks a read, which then returns -1. Errors name the connection.
 */
abstract class SocketTransport implements Transport {

    /** How long a {@link #read} waits before returning 0, unless changed with {@link #readTimeout}. */
    static final int DEFAULT_READ_TIMEOUT_MS = 100;

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();
    private final String description;
    private volatile boolean open = true;

    SocketTransport(SocketChannel channel, String description) throws IOException {
        this.channel = channel;
        this.description = description;
        this.in = channel.socket().getInputStream();
        this.out = channel.socket().getOutputStream();
        channel.socket().setSoTimeout(DEFAULT_READ_TIMEOUT_MS);
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        try {
            return in.read(dst, off, len);
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            if (!open) {
                return -1; // closed by us while reading
            }
            throw new IOException(description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] src, int off, int len) throws IOException {
        synchronized (writeLock) {
            try {
                out.write(src, off, len);
            } catch (IOException e) {
                throw new IOException(description + ": write failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void readTimeout(Duration timeout) throws IOException {
        channel.socket().setSoTimeout(TransportTimeouts.millis(timeout));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean isOpen() {
        return open && channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        open = false;
        channel.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
