package org.streamframer.framing.transport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * One peer accepted on a listening socket: for senders that connect to a collector (Frame
 * Streams senders such as dnstap), or an instrument that dials out.
 *
 * <p>The {@link Listener} from {@link #factory(InetSocketAddress)} binds once (on its first
 * {@code open()}, or on {@link Listener#localAddress()}) and accepts ONE peer per
 * {@code open()}: when that peer leaves, the next {@code open()} (a reconnect) waits for the
 * next one. It binds 127.0.0.1 unless another address is given. Closing the listener unblocks a
 * waiting {@code open()}; the reader service closes a factory that is {@link Closeable} when it
 * closes itself.
 */
public final class TcpListenTransport extends SocketTransport {

    private final SocketAddress remote;

    private TcpListenTransport(SocketChannel channel, String description) throws IOException {
        super(channel, description);
        this.remote = channel.getRemoteAddress();
    }

    /** The loopback address on {@code port} (0 = any free port): the default bind address. */
    public static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * A listener on {@code bind} ({@code null}: 127.0.0.1 on a free port). Nothing is bound until
     * the first {@code open()} or {@link Listener#localAddress()}.
     */
    public static Listener factory(InetSocketAddress bind) {
        return new Listener(bind == null ? loopback(0) : bind);
    }

    /** A listener on 127.0.0.1:{@code port} (0: any free port; see {@link Listener#localAddress()}). */
    public static Listener factory(int port) {
        return new Listener(loopback(port));
    }

    /** Who connected. */
    public SocketAddress remoteAddress() {
        return remote;
    }

    /**
     * A bound listening socket handing out one accepted peer per {@link #open()}. Thread-safe;
     * {@link #close()} (from any thread) stops a waiting {@code open()} with an IOException.
     */
    public static final class Listener implements TransportFactory, Closeable {
        private final InetSocketAddress bind;
        private ServerSocketChannel server;
        private volatile boolean closed;

        private Listener(InetSocketAddress bind) {
            this.bind = Objects.requireNonNull(bind, "bind");
        }

        /** Binds now if not yet bound, and returns the bound address (with the real port). */
        public synchronized InetSocketAddress localAddress() throws IOException {
            return (InetSocketAddress) bound().getLocalAddress();
        }

        private synchronized ServerSocketChannel bound() throws IOException {
            if (closed) {
                throw new IOException("listen " + text(bind) + ": listener closed");
            }
            if (server == null) {
                ServerSocketChannel s = ServerSocketChannel.open();
                try {
                    s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    s.bind(bind, 1);
                } catch (IOException e) {
                    s.close();
                    throw new IOException("listen " + text(bind) + ": cannot bind: " + e.getMessage(), e);
                }
                server = s;
            }
            return server;
        }

        /** Waits for the next peer. */
        @Override
        public Transport open() throws IOException {
            ServerSocketChannel s = bound();
            String local = text((InetSocketAddress) s.getLocalAddress());
            SocketChannel peer;
            try {
                peer = s.accept(); // blocking; close() unblocks it
            } catch (IOException e) {
                throw new IOException("listen " + local + ": " + (closed ? "listener closed" : e.getMessage()), e);
            }
            try {
                peer.setOption(StandardSocketOptions.TCP_NODELAY, true);
                return new TcpListenTransport(peer,
                        "listen " + local + " <- " + text((InetSocketAddress) peer.getRemoteAddress()));
            } catch (IOException e) {
                peer.close();
                throw e;
            }
        }

        /** Whether {@link #close()} was called. */
        public boolean isClosed() {
            return closed;
        }

        /** Stops listening (an accepted peer stays connected until its transport is closed). */
        @Override
        public void close() throws IOException {
            closed = true;
            ServerSocketChannel s;
            synchronized (this) {
                s = server;
            }
            if (s != null) {
                s.close();
            }
        }

        @Override
        public String toString() {
            return "listen " + text(bind);
        }
    }

    static String text(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
