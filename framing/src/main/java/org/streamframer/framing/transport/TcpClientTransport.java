package org.streamframer.framing.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * A raw TCP connection to {@code host:port} (an instrument's SCPI socket, port 5025 by custom).
 * TCP_NODELAY is set, so short commands leave at once.
 *
 * <p>Connecting can be interrupted ({@link Thread#interrupt()} on the connecting thread aborts
 * it), so a reader being closed never waits for a connect timeout. Failures carry the address and
 * the reason: "tcp 10.0.0.7:5025: connection refused (nothing listening there)",
 * "... : unknown host", "... : no route to host", "... : connect timed out after 3000 ms".
 */
public final class TcpClientTransport implements Transport {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();
    private final String description;
    private volatile boolean open = true;

    private TcpClientTransport(SocketChannel channel, String description) throws IOException {
        this.channel = channel;
        this.description = description;
        this.in = channel.socket().getInputStream();
        this.out = channel.socket().getOutputStream();
        channel.socket().setSoTimeout(DEFAULT_READ_TIMEOUT_MS);
    }

    /** How long a {@link #read} waits before returning 0, unless changed with {@link #readTimeout}. */
    static final int DEFAULT_READ_TIMEOUT_MS = 100;

    /**
     * Connects to {@code host:port}.
     *
     * @param connectTimeout how long to wait for the connection; must be positive
     * @throws IOException naming {@code host:port} and the reason
     */
    public static TcpClientTransport connect(String host, int port, Duration connectTimeout) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port not in 1..65535: " + port);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout <= 0: " + connectTimeout);
        }
        String target = "tcp " + host + ":" + port;
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException(target + ": unknown host '" + host + "'");
        }
        SocketChannel ch = SocketChannel.open();
        boolean ok = false;
        try {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            long ms = Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            ch.socket().connect(address, (int) ms);
            TcpClientTransport t = new TcpClientTransport(ch, "tcp " + host + ":" + port);
            ok = true;
            return t;
        } catch (ConnectException e) {
            throw withCause(new ConnectException(target + ": connection refused (nothing listening there?)"), e);
        } catch (NoRouteToHostException e) {
            throw withCause(new NoRouteToHostException(target + ": host unreachable (no route to host)"), e);
        } catch (SocketTimeoutException e) {
            throw withCause(new SocketTimeoutException(target + ": connect timed out after "
                    + connectTimeout.toMillis() + " ms"), e);
        } catch (ClosedByInterruptException e) {
            throw withCause(new IOException(target + ": connect interrupted"), e);
        } catch (IOException e) {
            throw new IOException(target + ": " + e.getMessage(), e);
        } finally {
            if (!ok) {
                ch.close();
            }
        }
    }

    private static <E extends IOException> E withCause(E e, Throwable cause) {
        e.initCause(cause);
        return e;
    }

    /** A factory connecting anew on each {@link TransportFactory#open()}. */
    public static TransportFactory factory(String host, int port, Duration connectTimeout) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        return new TransportFactory() {
            @Override
            public Transport open() throws IOException {
                return connect(host, port, connectTimeout);
            }

            @Override
            public String toString() {
                return "tcp " + host + ":" + port;
            }
        };
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
