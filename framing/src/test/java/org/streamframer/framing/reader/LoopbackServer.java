package org.streamframer.framing.reader;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on 127.0.0.1 and an ephemeral port, for tests: each accepted connection is handed
 * to {@code handler} on its own named thread; the socket is closed when the handler returns.
 * {@link #close()} closes everything and joins the threads.
 */
public final class LoopbackServer implements AutoCloseable {

    @FunctionalInterface
    public interface Handler {
        void handle(Socket s) throws Exception;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    public LoopbackServer(Handler handler) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    return;
                }
                int n = accepted.incrementAndGet();
                sockets.add(s);
                Thread w = new Thread(() -> {
                    try (s) {
                        handler.handle(s);
                    } catch (Throwable t) {
                        if (!server.isClosed()) {
                            failures.add(t);
                        }
                    } finally {
                        sockets.remove(s);
                    }
                }, "test-server-" + server.getLocalPort() + "-conn-" + n);
                workers.add(w);
                w.start();
                workers.removeIf(x -> !x.isAlive() && x != w);
            }
        }, "test-server-" + server.getLocalPort() + "-accept");
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** A loopback port nothing listens on (bound a moment ago, then closed): connects are refused. */
    public static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int accepted() {
        return accepted.get();
    }

    /** Exceptions thrown by handlers (other than because the server was closed). */
    public List<Throwable> failures() {
        return failures;
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        acceptor.join(2000);
        for (Thread w : workers) {
            w.interrupt(); // handlers that wait (sleep, latches) stop now
            w.join(2000);
        }
    }
}
