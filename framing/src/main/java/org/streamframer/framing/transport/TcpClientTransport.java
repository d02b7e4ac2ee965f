package org.streamframer.framing.transport;

import java.io.IOException;
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
 * the reason: "tcp 10.0.0.7:5025: connection refused (nothing listening there?)",
 * "... : unknown host", "... : no route to host", "... : connect timed out after 3000 ms".
 */
public final class TcpClientTransport extends SocketTransport {

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

    private TcpClientTransport(SocketChannel channel, String description) throws IOException {
        super(channel, description);
    }
}
