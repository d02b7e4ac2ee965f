package org.streamframer.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * A loopback TCP server that sends the same bytes to every client as fast as the client takes
 * them: a 1 MiB block of LF-terminated lines of one length, written again and again until the
 * client disconnects. One thread accepts, one thread per client writes (named
 * {@code bench-sender-*}); {@link #close()} stops and joins them.
 */
final class LoopbackSender implements AutoCloseable {

    static final int BLOCK_BYTES = 1 << 20;

    private final byte[] block;
    private final ServerSocket server;
    private final Thread acceptor;
    private volatile boolean closed;
    private final java.util.List<Socket> clients = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<Thread> writers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Lines of {@code lineLength} bytes, the last of them LF; the block holds whole lines only. */
    LoopbackSender(int lineLength) throws IOException {
        if (lineLength < 2 || BLOCK_BYTES % lineLength != 0) {
            throw new IllegalArgumentException("line length must divide " + BLOCK_BYTES + ": " + lineLength);
        }
        block = new byte[BLOCK_BYTES];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) ('A' + i % 26);
        }
        for (int i = lineLength - 1; i < block.length; i += lineLength) {
            block[i] = '\n';
        }
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::accept, "bench-sender-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Lines per 1 MiB block. */
    static int linesPerBlock(int lineLength) {
        return BLOCK_BYTES / lineLength;
    }

    byte[] block() {
        return Arrays.copyOf(block, block.length);
    }

    private void accept() {
        int n = 0;
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("accept failed on port " + port(), e);
                }
                return;
            }
            clients.add(s);
            Thread w = new Thread(() -> send(s), "bench-sender-" + n++);
            w.setDaemon(true);
            writers.add(w);
            w.start();
        }
    }

    private void send(Socket s) {
        try (s; OutputStream out = s.getOutputStream()) {
            while (!closed) {
                out.write(block);
            }
        } catch (IOException e) {
            // the client disconnected: this writer's job is done
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : clients) {
            s.close();
        }
        try {
            acceptor.join(1000);
            for (Thread w : writers) {
                w.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
