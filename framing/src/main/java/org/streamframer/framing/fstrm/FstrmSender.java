package org.streamframer.framing.fstrm;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The sending end of a bidirectional Frame Streams connection (what {@code fstrm_replay} and a
 * dnstap-emitting DNS server are), over any pair of streams.
 *
 * <pre>
 *   sender (this)                  receiver
 *   READY [type]            ---&gt;                      open()
 *                           &lt;---   ACCEPT [types]     (must name ours, or none)
 *   START [type]            ---&gt;
 *   data, data, ...         ---&gt;                      send()
 *   STOP                    ---&gt;                      finish() / close()
 *                           &lt;---   FINISH
 * </pre>
 *
 * An ACCEPT naming other content types but not ours is a {@link FstrmContentTypeException}
 * at once. An ACCEPT naming none means "any" (as in the C library); if the receiver then
 * refuses our START it closes the connection, and {@link #finish()} says so. ACCEPT and
 * FINISH must each arrive within the timeout ({@link FstrmTimeoutException}, never a hang).
 *
 * <p>Replay a file in one line (the CLI's {@code fstrm-replay}):
 * <pre>{@code
 * try (Socket s = new Socket(host, port); FstrmFileReader file = FstrmFileReader.open(Path.of(f))) {
 *     long sent = FstrmSender.replay(s, file);
 * }
 * }</pre>
 *
 * Data frames are buffered; {@link #flush()} pushes them out, {@link #finish()} does too.
 * Not thread-safe: one thread sends.
 */
public final class FstrmSender implements Closeable {

    /** How long ACCEPT and FINISH may take by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final FstrmInput input;
    private final FstrmOutput output;
    private final InputStream in;
    private final OutputStream out;
    private final String contentType;
    private final Duration timeout;
    private final boolean acceptNamedNone;
    private boolean finished;

    private FstrmSender(InputStream in, OutputStream out, String contentType, Duration timeout,
                        FstrmInput input, FstrmOutput output, boolean acceptNamedNone) {
        this.in = in;
        this.out = out;
        this.contentType = contentType;
        this.timeout = timeout;
        this.input = input;
        this.output = output;
        this.acceptNamedNone = acceptNamedNone;
    }

    /** {@link #open(InputStream, OutputStream, String, Duration)} on a socket's streams, default timeout. */
    public static FstrmSender open(Socket socket, String contentType) throws IOException {
        return open(socket.getInputStream(), socket.getOutputStream(), contentType, DEFAULT_TIMEOUT);
    }

    /**
     * Sends READY, waits for ACCEPT, sends START: afterwards data frames may be sent.
     *
     * @param contentType the content type to send, or null for none
     * @param timeout     how long ACCEPT (and later FINISH) may take; zero: for ever
     * @throws FstrmContentTypeException ACCEPT names content types, but not ours
     * @throws FstrmTimeoutException     no ACCEPT in time
     * @throws FstrmProtocolException    something else than ACCEPT came back, or nothing
     */
    public static FstrmSender open(InputStream in, OutputStream out, String contentType, Duration timeout)
            throws IOException {
        Objects.requireNonNull(timeout, "timeout");
        List<String> ours = contentType == null ? List.of() : List.of(contentType);
        FstrmInput input = new FstrmInput(in, new FstrmRule());
        FstrmOutput output = new FstrmOutput(out);
        output.control(ControlFrame.ready(ours));
        output.flush();
        ControlFrame accept;
        try (HandshakeTimer timer = HandshakeTimer.start(timeout, in, out)) {
            accept = input.expect(ControlType.ACCEPT, timer, "from the receiver");
        } catch (FstrmProtocolException e) {
            if (e instanceof FstrmTimeoutException) {
                throw e;
            }
            throw new FstrmProtocolException(e.getMessage() + " (after our READY offering "
                    + FstrmReceiver.quoted(ours) + "; a receiver that accepts none of them may just close)", e);
        }
        List<String> accepted = accept.contentTypes();
        if (contentType != null && !accepted.isEmpty() && !accepted.contains(contentType)) {
            throw new FstrmContentTypeException("content type mismatch: the receiver accepts "
                    + FstrmReceiver.quoted(accepted) + ", we send \"" + contentType + "\"", accepted, ours);
        }
        output.control(ControlFrame.start(contentType));
        return new FstrmSender(in, out, contentType, timeout, input, output, accepted.isEmpty());
    }

    /**
     * Replays a Frame Streams file over a connected socket, with the file's content type: the
     * handshake, every data frame, STOP and FINISH. The socket stays open.
     *
     * @return the data frames sent
     */
    public static long replay(Socket socket, FstrmFileReader file) throws IOException {
        return replay(socket.getInputStream(), socket.getOutputStream(), file, DEFAULT_TIMEOUT);
    }

    /** {@link #replay(Socket, FstrmFileReader)} over any pair of streams. */
    public static long replay(InputStream in, OutputStream out, FstrmFileReader file, Duration timeout)
            throws IOException {
        FstrmSender sender = open(in, out, file.contentType(), timeout);
        for (ByteBuffer payload = file.next(); payload != null; payload = file.next()) {
            sender.send(payload);
        }
        sender.finish();
        return sender.framesSent();
    }

    /** The content type sent in START, or null. */
    public String contentType() {
        return contentType;
    }

    /** Sends one data frame (buffered). */
    public void send(byte[] payload) throws IOException {
        send(payload, 0, payload.length);
    }

    /** Sends one data frame of {@code payload[offset, offset+length)} (buffered). */
    public void send(byte[] payload, int offset, int length) throws IOException {
        requireOpen();
        output.data(payload, offset, length);
    }

    /** Sends the remaining bytes of {@code payload} as one data frame (buffered), advancing it. */
    public void send(ByteBuffer payload) throws IOException {
        requireOpen();
        output.data(payload);
    }

    /** Writes out the buffered frames. */
    public void flush() throws IOException {
        output.flush();
    }

    /** Data frames sent. */
    public long framesSent() {
        return output.dataFrames();
    }

    /** Payload bytes sent. */
    public long bytesSent() {
        return output.dataBytes();
    }

    /**
     * Sends STOP and waits for FINISH. Idempotent. The streams stay open.
     *
     * @throws FstrmTimeoutException  no FINISH in time
     * @throws FstrmProtocolException the receiver closed the connection or sent something else
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        output.control(ControlFrame.stop());
        output.flush();
        try (HandshakeTimer timer = HandshakeTimer.start(timeout, in, out)) {
            input.expect(ControlType.FINISH, timer, "from the receiver after " + framesSent() + " data frames");
        } catch (FstrmProtocolException e) {
            if (e instanceof FstrmTimeoutException || !acceptNamedNone || contentType == null) {
                throw e;
            }
            throw new FstrmProtocolException(e.getMessage() + " (its ACCEPT named no content type;"
                    + " it may have refused \"" + contentType + "\")", e);
        }
    }

    /** {@link #finish()} if not done yet. Does not close the streams. */
    @Override
    public void close() throws IOException {
        finish();
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("STOP was sent after " + framesSent() + " data frames; no more can be sent");
        }
    }
}
