package org.streamframer.app.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal SCPI client for the tests, independent of the simulator's code: it reads a
 * response up to its LF terminator, stepping over IEEE 488.2 definite blocks at the start of
 * a unit, and parses blocks back out.
 */
final class ScpiTestClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    ScpiTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(String line) throws IOException {
        sendRaw((line + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** One response message, terminator stripped. */
    byte[] readResponse() throws IOException {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        boolean unitStart = true;
        while (true) {
            int b = readByte();
            if (b == '\n') {
                return r.toByteArray();
            }
            r.write(b);
            if (unitStart && b == '#') {
                int n = readByte() - '0';
                r.write('0' + n);
                if (n < 1 || n > 9) {
                    throw new IOException("bad block header digit count " + n);
                }
                int len = 0;
                for (int i = 0; i < n; i++) {
                    int d = readByte();
                    r.write(d);
                    len = len * 10 + (d - '0');
                }
                for (int i = 0; i < len; i++) {
                    r.write(readByte());
                }
            }
            unitStart = b == ';';
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("end of stream from the simulator");
        }
        return b;
    }

    String query(String command) throws IOException {
        send(command);
        return new String(readResponse(), StandardCharsets.ISO_8859_1);
    }

    byte[] queryBytes(String command) throws IOException {
        send(command);
        return readResponse();
    }

    /** The data of the definite block that starts at {@code off} of {@code response}. */
    static byte[] blockData(byte[] response, int off) {
        if (response[off] != '#') {
            throw new AssertionError("no block at " + off + ": " + (char) response[off]);
        }
        int n = response[off + 1] - '0';
        int len = Integer.parseInt(new String(response, off + 2, n, StandardCharsets.US_ASCII));
        if (off + 2 + n + len > response.length) {
            throw new AssertionError("block of " + len + " bytes runs past the response");
        }
        byte[] data = new byte[len];
        System.arraycopy(response, off + 2 + n, data, 0, len);
        return data;
    }

    /** The samples of WORD data (int16 little-endian). */
    static List<Short> int16le(byte[] data) {
        List<Short> s = new ArrayList<>();
        for (int i = 0; i + 1 < data.length; i += 2) {
            s.add((short) ((data[i] & 0xFF) | (data[i + 1] << 8)));
        }
        return s;
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
