package org.streamframer.framing.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening socket that never accepts, with its backlog filled: Linux then drops further SYNs,
 * so a connect to it hangs until its timeout. For testing connect timeouts without a network.
 */
public final class FullBacklog implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> fill = new ArrayList<>();

    public FullBacklog() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            try {
                s.connect(server.getLocalSocketAddress(), 300);
                fill.add(s);
            } catch (IOException e) {
                s.close();
                return; // this connect hung: the backlog is full
            }
        }
        close();
        throw new IOException("could not fill the backlog of " + server.getLocalSocketAddress()
                + " with 16 connections; connect timeouts cannot be tested this way here");
    }

    public int port() {
        return server.getLocalPort();
    }

    public SocketAddress address() {
        return server.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fill) {
            s.close();
        }
        server.close();
    }
}
