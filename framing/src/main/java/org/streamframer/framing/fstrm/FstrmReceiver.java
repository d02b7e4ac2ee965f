package org.streamframer.framing.fstrm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.streamframer.framing.FramingException;

/**
 * The receiving end of a bidirectional Frame Streams connection (what {@code fstrm_capture}
 * and a dnstap collector are), over any pair of streams: a socket's, a pipe's, a transport's.
 *
 * <pre>
 *   sender                         receiver (this)
 *   READY [types offered]   ---&gt;
 *                           &lt;---   ACCEPT [our types among those offered]
 *   START [type]            ---&gt;   (must be one we accept)
 *   data, data, ...         ---&gt;   handler.onData(payload)
 *   STOP                    ---&gt;
 *                           &lt;---   FINISH
 * </pre>
 *
 * Content types match as in the C library: a READY naming none matches all of ours; a START
 * naming none is taken. When none of READY's content types is ours, the receiver answers
 * nothing and throws {@link FstrmContentTypeException}; close the connection so the sender
 * sees it end. READY and START must each arrive within the handshake timeout
 * ({@link FstrmTimeoutException}, never a hang); data frames may come at any pace.
 *
 * <p>Capture to a file in a few lines (the CLI's {@code fstrm-capture}):
 * <pre>{@code
 * try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getByName(host));
 *      Socket peer = server.accept();
 *      FstrmFileWriter file = FstrmFileWriter.create(Path.of(out), type)) {
 *     FstrmResult r = FstrmReceiver.accept(peer, Set.of(type), payload -> {
 *         file.write(payload);
 *         return file.framesWritten() != count;   // count < 0: until STOP
 *     });
 * }
 * }</pre>
 *
 * Immutable; one instance may serve any number of connections, one thread each.
 */
public final class FstrmReceiver {

    /** How long READY and START may take by default. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final Set<String> contentTypes;
    private final Duration handshakeTimeout;
    private final int maxDataLength;

    /**
     * A receiver accepting these content types (empty: any), with the default timeout and the
     * default 1 MiB data frame maximum.
     */
    public FstrmReceiver(Set<String> contentTypes) {
        this(contentTypes, DEFAULT_HANDSHAKE_TIMEOUT, FstrmRule.DEFAULT_MAX_DATA_LENGTH);
    }

    /**
     * @param contentTypes     the content types accepted, ACCEPT lists them in this set's iteration
     *                         order (a {@code LinkedHashSet} keeps yours); empty: any
     * @param handshakeTimeout how long READY and START may each take (zero: for ever)
     * @param maxDataLength    the longest data frame taken (see {@link FstrmRule#FstrmRule(int)})
     */
    public FstrmReceiver(Set<String> contentTypes, Duration handshakeTimeout, int maxDataLength) {
        this.contentTypes = new LinkedHashSet<>(contentTypes);
        for (String ct : this.contentTypes) {
            ControlFrame.start(ct); // checks the length and the bytes
        }
        this.handshakeTimeout = Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        new FstrmRule(maxDataLength); // checks the range
        this.maxDataLength = maxDataLength;
    }

    /**
     * Runs one connection on {@code socket}: handshake, data frames to {@code handler}, STOP and
     * FINISH. The socket stays open; the caller closes it.
     */
    public static FstrmResult accept(Socket socket, Set<String> contentTypes, FstrmDataHandler handler)
            throws IOException {
        return new FstrmReceiver(contentTypes).receive(socket.getInputStream(), socket.getOutputStream(), handler);
    }

    /**
     * Runs one connection: waits for READY, answers ACCEPT, waits for START, delivers each data
     * frame to {@code handler} until STOP, answers FINISH. The streams stay open (unless a
     * handshake timeout closed them).
     *
     * @return what arrived; {@code stopped()} is false when the handler returned false
     * @throws FstrmContentTypeException no content type in common
     * @throws FstrmTimeoutException     READY or START did not come in time
     * @throws FstrmProtocolException    a frame out of order, or the stream ended before STOP
     * @throws FramingException          a bad frame the handler's {@code onError} rethrew
     */
    public FstrmResult receive(InputStream in, OutputStream out, FstrmDataHandler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        FstrmInput input = new FstrmInput(in, new FstrmRule(maxDataLength));
        FstrmOutput output = new FstrmOutput(out);
        String contentType;
        try (HandshakeTimer timer = HandshakeTimer.start(handshakeTimeout, in, out)) {
            ControlFrame ready = input.expect(ControlType.READY, timer, "from the sender");
            List<String> accepted = acceptable(ready.contentTypes());
            output.control(ControlFrame.accept(accepted));
            output.flush();
            ControlFrame start = input.expect(ControlType.START, timer, "from the sender");
            contentType = start.contentType();
            if (contentType != null && !contentTypes.isEmpty() && !contentTypes.contains(contentType)) {
                throw new FstrmContentTypeException("the sender STARTed content type \"" + contentType
                        + "\", which we do not accept (we accept " + quoted(contentTypes) + ")",
                        start.contentTypes(), List.copyOf(contentTypes));
            }
        }
        long frames = 0;
        long bytes = 0;
        while (true) {
            boolean data;
            try {
                data = input.nextData(frames);
            } catch (FramingException e) {
                handler.onError(e);
                continue;
            }
            if (!data) {
                output.control(ControlFrame.finish());
                output.flush();
                return new FstrmResult(contentType, frames, bytes, true);
            }
            ByteBuffer payload = input.payload();
            frames++;
            bytes += payload.remaining();
            if (!handler.onData(payload)) {
                return new FstrmResult(contentType, frames, bytes, false);
            }
        }
    }

    /** Our content types that READY offers (all of ours if READY names none). */
    private List<String> acceptable(List<String> offered) throws FstrmContentTypeException {
        if (contentTypes.isEmpty()) {
            return offered;
        }
        if (offered.isEmpty()) {
            return List.copyOf(contentTypes);
        }
        List<String> matched = new ArrayList<>();
        for (String ct : contentTypes) {
            if (offered.contains(ct)) {
                matched.add(ct);
            }
        }
        if (matched.isEmpty()) {
            throw new FstrmContentTypeException("content type mismatch: the sender offers " + quoted(offered)
                    + ", we accept " + quoted(contentTypes), offered, List.copyOf(contentTypes));
        }
        return matched;
    }

    static String quoted(java.util.Collection<String> types) {
        StringBuilder sb = new StringBuilder("[");
        for (String t : types) {
            sb.append(sb.length() > 1 ? ", " : "").append('"').append(t).append('"');
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return "FstrmReceiver" + quoted(contentTypes);
    }
}
