package org.streamframer.app.blocks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.streamframer.framing.rules.IeeeBlock;

/**
 * Reads one block response from the simulator over plain TCP (a definite block, then LF),
 * for tests: the response bytes exactly as the instrument sent them, and where its block is.
 */
final class SimBlockClient implements AutoCloseable {

    record BlockResponse(byte[] bytes, IeeeBlock block) {
    }

    private final Socket socket = new Socket();

    SimBlockClient(int port) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
    }

    BlockResponse query(String command) throws IOException {
        socket.getOutputStream().write((command + "\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int hash = read(in, all);
        if (hash != '#') {
            throw new IOException(command + ": expected a block, got byte " + hash);
        }
        int n = read(in, all) - '0';
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append((char) read(in, all));
        }
        int len = Integer.parseInt(digits.toString());
        for (int i = 0; i < len; i++) {
            read(in, all);
        }
        if (read(in, all) != '\n') {
            throw new IOException(command + ": no LF after the " + len + "-byte block");
        }
        return new BlockResponse(all.toByteArray(), new IeeeBlock(2 + n, len, false));
    }

    private static int read(InputStream in, ByteArrayOutputStream all) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("end of stream after " + all.size() + " bytes");
        }
        all.write(b);
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
