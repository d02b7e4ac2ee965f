package org.streamframer.app.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import org.streamframer.framing.transport.Transport;

/** A TCP client of the simulator, accepted by its listening socket. */
final class SocketLink implements Transport {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SocketLink(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        return in.read(dst, off, len);
    }

    @Override
    public void write(byte[] src, int off, int len) throws IOException {
        out.write(src, off, len);
    }

    @Override
    public String describe() {
        return "tcp " + socket.getRemoteSocketAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }
}
