package org.streamframer.framing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Reads frames from a channel or stream, reading as needed (streamframer's
 * {@code read_with_rule}): a {@link FrameBuffer} and a {@link FrameRule} over one source.
 *
 * <pre>{@code
 * try (Socket socket = new Socket("127.0.0.1", 5025);
 *      FrameReader reader = FrameReader.of(socket, Rules.lines())) {
 *     Frame f;
 *     while ((f = reader.next()) != null) {        // null: the peer closed cleanly
 *         System.out.println(f.toString(StandardCharsets.US_ASCII));
 *         f.consume();                             // then its bytes may be reused
 *     }
 * } catch (PartialFrameException e) {               // closed in the middle of a frame
 *     System.err.println(e.getMessage() + ": " + HexFormat.of().formatHex(e.partialBytes()));
 * }
 * }</pre>
 *
 * <p>Three ways to ask, and what each source supports:
 * <table>
 *   <caption>next, poll and next with a timeout by source</caption>
 *   <tr><th>source</th><th>{@link #next()}</th><th>{@link #poll()}</th><th>{@link #next(Duration)}</th></tr>
 *   <tr><td>{@link SelectableChannel} (socket, pipe) in non-blocking mode</td><td>waits on a
 *       {@link Selector}</td><td>reads what is ready</td><td>yes: {@code Selector.select(timeout)}</td></tr>
 *   <tr><td>{@link SelectableChannel} in blocking mode</td><td>blocking read</td><td>buffered
 *       frames only</td><td>no: {@link IllegalStateException}, configure it non-blocking first</td></tr>
 *   <tr><td>other {@link ReadableByteChannel} (file, {@code Channels.newChannel})</td><td>blocking read</td>
 *       <td>buffered frames only</td><td>no: {@link UnsupportedOperationException}</td></tr>
 *   <tr><td>{@link Socket} ({@link #of(Socket, FrameBuffer, FrameRule)})</td><td>blocking read</td>
 *       <td>reads what {@code available()} says is there</td><td>yes: {@code SO_TIMEOUT}, set
 *       for each read and restored after</td></tr>
 *   <tr><td>other {@link InputStream}</td><td>blocking read</td><td>reads what {@code available()}
 *       says is there</td><td>no: {@link UnsupportedOperationException}</td></tr>
 * </table>
 * The reader never changes a channel's blocking mode: a non-blocking {@code SocketChannel}
 * writes partially, so that choice stays with the caller. An {@code SO_TIMEOUT} the caller set on
 * a socket still applies to {@link #next()}: its {@link SocketTimeoutException} is passed on and
 * the buffered bytes are kept. {@code available()} says nothing about the end of a stream, so
 * {@code poll()} on a stream never sees it; {@code next()} does.
 *
 * <p>End of stream: {@code next()} and {@code next(Duration)} return {@code null} once the source
 * has ended and every complete frame has been delivered; {@code poll()} returns {@code null} then
 * too, and {@link #isEndOfStream()} tells the two kinds of null apart. If the source ends in the
 * middle of a frame, the call that sees the end throws {@link PartialFrameException} carrying the
 * partial bytes (they are not glued onto anything); later calls return {@code null}.
 *
 * <p>Framing errors ({@link FrameTooLongException}, {@link CorruptFrameException}) are thrown
 * once, after the bad bytes have been stepped over: call again for the next frame.
 *
 * <p>Rules with an {@linkplain FrameRule#idleTimeoutNanos() idle timeout} are asked again after
 * that much quiet time by {@code next()} and {@code next(Duration)} on the sources that support
 * timeouts; on the others they are asked only when bytes arrive.
 *
 * <p>Each frame must be consumed before the next is asked for (the buffer refuses otherwise).
 * Not thread-safe: one thread reads. {@link #close()} closes the source.
 */
public final class FrameReader implements Closeable {

    /** {@link Source#read} wait: block until bytes arrive or the stream ends. */
    private static final long BLOCK = -1;
    /** {@link Source#read} wait: do not block. */
    private static final long NOW = 0;

    private final Source source;
    private final FrameBuffer buffer;
    private FrameRule rule;
    private boolean endOfStream;

    private FrameReader(Source source, FrameBuffer buffer, FrameRule rule) {
        this.source = source;
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** Frames from a channel; see the class documentation for what each kind supports. */
    public static FrameReader of(ReadableByteChannel channel, FrameBuffer buffer, FrameRule rule) {
        Objects.requireNonNull(channel, "channel");
        Source source = channel instanceof SelectableChannel
                ? new SelectableSource(channel, (SelectableChannel) channel)
                : new ChannelSource(channel);
        return new FrameReader(source, buffer, rule);
    }

    /** Frames from a stream: blocking reads, no timeouts (use {@link #of(Socket, FrameBuffer, FrameRule)} for those). */
    public static FrameReader of(InputStream in, FrameBuffer buffer, FrameRule rule) {
        return new FrameReader(new StreamSource(Objects.requireNonNull(in, "in"), null), buffer, rule);
    }

    /** Frames from a connected socket's input, with timeouts through {@code SO_TIMEOUT}. */
    public static FrameReader of(Socket socket, FrameBuffer buffer, FrameRule rule) throws IOException {
        Objects.requireNonNull(socket, "socket");
        return new FrameReader(new StreamSource(socket.getInputStream(), socket), buffer, rule);
    }

    /** {@link #of(Socket, FrameBuffer, FrameRule)} with a new default {@link FrameBuffer}. */
    public static FrameReader of(Socket socket, FrameRule rule) throws IOException {
        return of(socket, new FrameBuffer(), rule);
    }

    /**
     * The next frame, reading (and blocking) as needed.
     *
     * @return the frame (consume it), or null once the source has ended cleanly
     * @throws PartialFrameException the source ended in the middle of a frame
     * @throws FramingException      a bad or over-long frame, already stepped over
     * @throws IOException           the source failed
     */
    public Frame next() throws IOException {
        return advance() ? buffer.liveFrame() : null;
    }

    /**
     * The allocation-free form of {@link #next()}: makes the next frame the buffer's live frame
     * (read it through {@link FrameBuffer#frameStart()}, {@link FrameBuffer#frameEnd()} and
     * {@link FrameBuffer#array()}, release it with {@link FrameBuffer#consumeFrame()}).
     *
     * @return true if a frame is live, false once the source has ended cleanly
     */
    public boolean advance() throws IOException {
        while (true) {
            if (buffer.advance(rule)) {
                return true;
            }
            if (endOfStream) {
                return false;
            }
            long idle = rule.idleTimeoutNanos();
            boolean timed = idle > 0 && buffer.readable() > 0 && source.supportsTimeout();
            read(timed ? idle : BLOCK);
        }
    }

    /**
     * The next frame if one can be had without blocking: from the buffered bytes, or after reading
     * what the source has ready (see the class documentation).
     *
     * @return the frame, or null if no complete frame is there yet (or the source has ended:
     *         {@link #isEndOfStream()})
     */
    public Frame poll() throws IOException {
        while (true) {
            if (buffer.advance(rule)) {
                return buffer.liveFrame();
            }
            if (endOfStream || read(NOW) <= 0) {
                return null;
            }
        }
    }

    /**
     * The next frame, waiting at most {@code timeout} for it to be complete.
     *
     * @return the frame, or null once the source has ended cleanly
     * @throws SocketTimeoutException        no complete frame within the timeout; the bytes
     *                                       buffered so far are kept for the next call
     * @throws UnsupportedOperationException the source cannot time out (see the class documentation)
     * @throws IllegalStateException         a selectable channel in blocking mode
     */
    public Frame next(Duration timeout) throws IOException {
        long nanos = Objects.requireNonNull(timeout, "timeout").toNanos();
        if (nanos < 0) {
            throw new IllegalArgumentException("timeout < 0: " + timeout);
        }
        source.checkTimeoutSupported();
        long deadline = System.nanoTime() + nanos;
        while (true) {
            if (buffer.advance(rule)) {
                return buffer.liveFrame();
            }
            if (endOfStream) {
                return null;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no complete frame within " + timeout.toMillis() + " ms ("
                        + buffer.readable() + " bytes buffered)");
            }
            long idle = rule.idleTimeoutNanos();
            read(idle > 0 && buffer.readable() > 0 ? Math.min(idle, left) : left);
        }
    }

    /** Reads once; at end of stream ends the buffer's framing (which may throw). */
    private int read(long waitNanos) throws IOException {
        int n = source.read(buffer, waitNanos);
        if (n < 0) {
            endOfStream = true;
            buffer.endOfStream();
        }
        return n;
    }

    /** Whether the source has ended (frames still buffered before the end may remain). */
    public boolean isEndOfStream() {
        return endOfStream;
    }

    /** The buffer the frames live in. */
    public FrameBuffer buffer() {
        return buffer;
    }

    /** The rule frames are found with. */
    public FrameRule rule() {
        return rule;
    }

    /** Frames from now on with {@code rule}; bytes not yet consumed are scanned again under it. */
    public void setRule(FrameRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** Closes the source (and the reader's selector, if any). */
    @Override
    public void close() throws IOException {
        source.close();
    }

    @Override
    public String toString() {
        return "FrameReader[" + source + ", " + rule + ", " + buffer + (endOfStream ? ", ended" : "") + "]";
    }

    /** Nanoseconds as milliseconds, rounded up, at least 1 (0 means "forever" to select and SO_TIMEOUT). */
    private static long millisAtLeastOne(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + (nanos % 1_000_000 != 0 ? 1 : 0));
    }

    // ---------------------------------------------------------------- sources

    /** Where bytes come from. */
    private interface Source extends Closeable {
        /**
         * Reads once into the buffer, waiting {@link #BLOCK} (until bytes or the end), {@link #NOW}
         * (not at all) or up to that many nanoseconds.
         *
         * @return bytes read, 0 if none arrived in time (or none is ready), -1 at end of stream
         */
        int read(FrameBuffer buffer, long waitNanos) throws IOException;

        boolean supportsTimeout();

        /** Throws, naming the reason, if {@link #supportsTimeout()} is false. */
        void checkTimeoutSupported();
    }

    /** A blocking {@link ReadableByteChannel} that cannot be selected. */
    private static final class ChannelSource implements Source {
        private final ReadableByteChannel channel;

        ChannelSource(ReadableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(FrameBuffer buffer, long waitNanos) throws IOException {
            if (waitNanos == NOW) {
                return 0;
            }
            int n;
            do {
                n = buffer.readFrom(channel);
            } while (n == 0);
            return n;
        }

        @Override
        public boolean supportsTimeout() {
            return false;
        }

        @Override
        public void checkTimeoutSupported() {
            throw new UnsupportedOperationException(channel.getClass().getName()
                    + " cannot time out: use a SelectableChannel (socket, pipe) or a Socket");
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }

        @Override
        public String toString() {
            return channel.toString();
        }
    }

    /** A socket or pipe channel; non-blocking ones are waited on with a selector. */
    private static final class SelectableSource implements Source {
        private final ReadableByteChannel channel;
        private final SelectableChannel selectable;
        private Selector selector;

        SelectableSource(ReadableByteChannel channel, SelectableChannel selectable) {
            this.channel = channel;
            this.selectable = selectable;
        }

        @Override
        public int read(FrameBuffer buffer, long waitNanos) throws IOException {
            if (selectable.isBlocking()) {
                return waitNanos == NOW ? 0 : buffer.readFrom(channel);
            }
            int n = buffer.readFrom(channel);
            if (n != 0 || waitNanos == NOW) {
                return n;
            }
            Selector s = selector();
            do {
                if (waitNanos == BLOCK) {
                    s.select();
                } else {
                    s.select(millisAtLeastOne(waitNanos));
                }
                s.selectedKeys().clear();
                n = buffer.readFrom(channel);
            } while (n == 0 && waitNanos == BLOCK);
            return n;
        }

        private Selector selector() throws IOException {
            if (selector == null) {
                Selector s = Selector.open();
                try {
                    selectable.register(s, SelectionKey.OP_READ);
                } catch (IOException | RuntimeException e) {
                    s.close();
                    throw e;
                }
                selector = s;
            }
            return selector;
        }

        @Override
        public boolean supportsTimeout() {
            return !selectable.isBlocking();
        }

        @Override
        public void checkTimeoutSupported() {
            if (selectable.isBlocking()) {
                throw new IllegalStateException(selectable.getClass().getName() + " is in blocking mode:"
                        + " configureBlocking(false) first to read with a timeout");
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (selector != null) {
                    selector.close();
                }
            } finally {
                channel.close();
            }
        }

        @Override
        public String toString() {
            return selectable.toString();
        }
    }

    /** An input stream, and the socket it belongs to when there is one (for timeouts). */
    private static final class StreamSource implements Source {
        private final InputStream in;
        private final Socket socket;

        StreamSource(InputStream in, Socket socket) {
            this.in = in;
            this.socket = socket;
        }

        @Override
        public int read(FrameBuffer buffer, long waitNanos) throws IOException {
            if (waitNanos == NOW) {
                return in.available() > 0 ? buffer.readFrom(in) : 0;
            }
            if (waitNanos == BLOCK || socket == null) {
                return buffer.readFrom(in);
            }
            int previous = socket.getSoTimeout();
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millisAtLeastOne(waitNanos)));
            try {
                return buffer.readFrom(in);
            } catch (SocketTimeoutException e) {
                return 0;
            } finally {
                socket.setSoTimeout(previous);
            }
        }

        @Override
        public boolean supportsTimeout() {
            return socket != null;
        }

        @Override
        public void checkTimeoutSupported() {
            if (socket == null) {
                throw new UnsupportedOperationException(in.getClass().getName()
                        + " cannot time out: create the reader with FrameReader.of(Socket, ...)");
            }
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            } else {
                in.close();
            }
        }

        @Override
        public String toString() {
            return socket != null ? socket.toString() : in.toString();
        }
    }
}
