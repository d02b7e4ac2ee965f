package org.streamframer.app.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.FrameTooLongException;
import org.streamframer.framing.FramingException;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.rules.Rules;
import org.streamframer.framing.transport.Transport;

/**
 * One connected client: its own input buffer (a {@link FrameBuffer} framed into command lines),
 * its own {@link SimSession} (error queue, registers, settings) and its own stream sender.
 * {@link #run()} is the client's thread: read, frame, execute, answer, until the link ends.
 */
final class SimClient implements Runnable, AutoCloseable {

    /** The longest command line; a longer one queues -223 "Too much data" and is dropped. */
    static final int MAX_LINE = 64 * 1024;

    private final Transport link;
    private final SimConfig.Terminator terminator;
    private final SimSession session;
    private final StreamPacer stream;
    private final FrameRule rule;
    private final Object writeLock = new Object();
    private final Runnable onEnd;
    private volatile boolean closing;

    SimClient(Transport link, SimConfig config, ScpiCommandTable table, String name, LongSupplier clock, Runnable onEnd) {
        this.link = link;
        this.terminator = config.terminator();
        this.stream = new StreamPacer(this::write, "sim-stream-" + name, terminator.bytes(), config.seed(), clock);
        this.session = new SimSession(table, SimulatedInstrument.IDENTITY, config.seed(), clock, stream);
        this.rule = inputRule(terminator);
        this.onEnd = onEnd;
    }

    /**
     * Commands end with LF (a CR before it is dropped), so LF and CRLF clients both work; with a CR
     * terminator they end with CR (a LF after it is blank space before the next command).
     */
    static FrameRule inputRule(SimConfig.Terminator t) {
        return t == SimConfig.Terminator.CR
                ? new DelimiterRule(new byte[] {'\r'}, true, MAX_LINE)
                : Rules.lines(MAX_LINE);
    }

    @Override
    public void run() {
        FrameBuffer buffer = new FrameBuffer(4096, 4 * MAX_LINE);
        ResponseBuilder out = new ResponseBuilder();
        byte[] chunk = new byte[8192];
        byte[] term = terminator.bytes();
        try {
            while (!closing) {
                int n = link.read(chunk, 0, chunk.length);
                if (n < 0) {
                    break;
                }
                buffer.append(chunk, 0, n);
                while (nextLine(buffer)) {
                    String line = new String(buffer.array(), buffer.frameStart(),
                            buffer.frameEnd() - buffer.frameStart(), StandardCharsets.ISO_8859_1);
                    buffer.consumeFrame();
                    out.reset();
                    session.execute(line, out);
                    if (!out.isEmpty()) {
                        out.terminate(term);
                        write(out.array(), 0, out.length());
                    }
                }
            }
        } catch (IOException e) {
            if (!closing) {
                System.getLogger(SimClient.class.getName()).log(System.Logger.Level.DEBUG,
                        "simulator client " + link.describe() + " ended: " + e.getMessage());
            }
        } finally {
            close();
            onEnd.run();
        }
    }

    /** Advances to the next command line; over-long lines are reported on the error queue. */
    private boolean nextLine(FrameBuffer buffer) throws FramingException {
        while (true) {
            try {
                return buffer.advance(rule);
            } catch (FrameTooLongException e) {
                session.status.push(ScpiError.TOO_MUCH_DATA, "Too much data");
            }
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        synchronized (writeLock) {
            link.write(b, off, len);
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            link.close();
        } catch (IOException e) {
            System.getLogger(SimClient.class.getName()).log(System.Logger.Level.DEBUG,
                    "closing " + link.describe() + ": " + e.getMessage());
        }
        stream.close();
    }
}
