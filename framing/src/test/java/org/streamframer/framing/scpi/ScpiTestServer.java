package org.streamframer.framing.scpi;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import org.streamframer.framing.reader.LoopbackServer;

/**
 * A tiny SCPI instrument for the session tests (the real simulator lives in the app module).
 * Commands end with LF (a CR before it ignored); answers end with {@code answerTerminator}.
 * <pre>
 *   *IDN?        ACME Instruments,Model 7,SN123,1.2.3-4
 *   SYST:ERR?    the next queued error, or 0,"No error"
 *   ECHO? text   text
 *   CURV?        #15ab\ncd        (an IEEE 488.2 block with an LF in its data)
 *   SILENT?      nothing
 *   CRONLY?      ANSWER\r         (whatever the terminator: a wrong-terminator instrument)
 *   EMIT         NOTICE           (unsolicited output; EMIT itself has no answer)
 *   BYE?         closes the connection
 * </pre>
 */
final class ScpiTestServer implements AutoCloseable {
    final Deque<String> errors = new ArrayDeque<>();
    volatile boolean errorsNeverEnd;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final byte[] answerTerminator;
    private final LoopbackServer server;

    ScpiTestServer(byte[] answerTerminator) throws Exception {
        this.answerTerminator = answerTerminator.clone();
        this.server = new LoopbackServer(this::serve);
    }

    int port() {
        return server.port();
    }

    /** Every byte the instrument received, as text. */
    String received() {
        synchronized (received) {
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void serve(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            synchronized (received) {
                received.write(c);
            }
            if (c != '\n') {
                line.write(c);
                continue;
            }
            String cmd = line.toString(StandardCharsets.ISO_8859_1);
            line.reset();
            if (cmd.endsWith("\r")) {
                cmd = cmd.substring(0, cmd.length() - 1);
            }
            if (cmd.equals("BYE?")) {
                return;
            }
            byte[] answer = answer(cmd);
            if (answer != null) {
                out.write(answer);
                out.flush();
            }
        }
    }

    private byte[] answer(String cmd) {
        String text;
        if (cmd.equals("*IDN?")) {
            text = "ACME Instruments,Model 7,SN123,1.2.3-4";
        } else if (cmd.equals("SYST:ERR?")) {
            synchronized (errors) {
                text = errorsNeverEnd ? "-350,\"Queue overflow\"" : errors.isEmpty() ? "0,\"No error\"" : errors.poll();
            }
        } else if (cmd.startsWith("ECHO? ")) {
            text = cmd.substring(6);
        } else if (cmd.equals("CURV?")) {
            text = "#15ab\ncd";
        } else if (cmd.equals("CRONLY?")) {
            return "ANSWER\r".getBytes(StandardCharsets.ISO_8859_1);
        } else if (cmd.equals("EMIT")) {
            text = "NOTICE";
        } else {
            return null; // SILENT? and plain commands
        }
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[t.length + answerTerminator.length];
        System.arraycopy(t, 0, all, 0, t.length);
        System.arraycopy(answerTerminator, 0, all, t.length, answerTerminator.length);
        return all;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
