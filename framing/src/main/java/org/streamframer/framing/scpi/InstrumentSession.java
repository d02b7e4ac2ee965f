package org.streamframer.framing.scpi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.streamframer.framing.FrameRule;
import org.streamframer.framing.reader.ConnectionState;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.reader.ReaderService;
import org.streamframer.framing.reader.StateEvent;
import org.streamframer.framing.rules.IeeeBlock;
import org.streamframer.framing.transport.TransportFactory;

/**
 * SCPI over any transport: commands with a terminator, queries that wait for the response
 * frame, and the {@code *IDN?} and {@code SYST:ERR?} helpers.
 *
 * <pre>{@code
 * try (InstrumentSession s = InstrumentSession.open(
 *         TcpClientTransport.factory("10.0.0.7", 5025, Duration.ofSeconds(3)), Terminator.LF)) {
 *     Identity id = s.identify(Duration.ofSeconds(2));
 *     s.write("CONF:VOLT:DC 10");
 *     double v = Double.parseDouble(s.query("READ?", Duration.ofSeconds(5)).text());
 * }
 * }</pre>
 *
 * <h2>Which frame is the answer</h2>
 * Queries are serialized (one at a time, also with respect to {@link #write}). The answer to a
 * query is the first RX frame completed after the command's bytes began to be written (the
 * reader's sequence numbers say so); frames that arrived before (unsolicited output, a late
 * answer already delivered) are not taken, and every frame still reaches the reader's other
 * listeners. A late answer to a query that timed out can only be told from the next query's
 * answer by the instrument itself: after a timeout, consider {@code *CLS} or reconnecting.
 *
 * <h2>Turns</h2>
 * Threads take turns in the order they asked (a fair lock): a thread that queries back to back
 * (a plot polling every 50 ms) cannot keep another (the command console) from its turn. The wait
 * for a turn is bounded: a query waits at most its own {@code timeout} for the query in progress
 * to end (so a call returns within twice its timeout), a {@link #write(String)} at most
 * {@link #DEFAULT_TURN_WAIT}; then {@link SessionBusyException} says which command held the
 * session. Nothing was sent in that case.
 *
 * <h2>Threads</h2>
 * The session listens on the reader's delivery thread; {@code query} must therefore not be
 * called from a {@link ReaderListener} of the same reader (it would wait for itself); doing so
 * throws {@link IllegalStateException}.
 *
 * <p>Lock order: {@code exchange} (the turn) before {@code monitor} (the pending query) and
 * before the reader's send lock; the delivery thread takes only {@code monitor}, never the
 * turn, and waits for nothing while holding it.
 */
public final class InstrumentSession implements AutoCloseable {

    /** {@code errors()} reads the queue at most this many times. */
    static final int MAX_ERRORS = 100;
    /** A query timeout shows at most this many of the last bytes. */
    static final int LAST_BYTES = 64;

    private final ReaderService reader;
    private final boolean ownsReader;
    /** The session whose listener, turn and pending query this one uses ({@link #withTerminator}); this for most. */
    private final InstrumentSession core;
    private final Terminator terminator;
    /** How long {@link #write(String)} waits for the query in progress to end. */
    public static final Duration DEFAULT_TURN_WAIT = Duration.ofSeconds(10);

    /** The turn: fair, so threads get it in the order they asked. */
    private final ReentrantLock exchange = new ReentrantLock(true);
    /** The command of the turn in progress (for {@link SessionBusyException}); written under {@code exchange}. */
    private volatile String inProgress;
    private volatile long inProgressSince;
    private final Object monitor = new Object();
    /** The query waiting for its answer; guarded by {@code monitor}. */
    private Pending pending;
    private final ReaderListener listener = new ReaderListener() {
        @Override
        public void onFrame(FrameEvent e) {
            if (e.direction() == Direction.RX) {
                offer(e);
            }
        }

        @Override
        public void onState(StateEvent e) {
            if (e.state() == ConnectionState.DISCONNECTED || e.state() == ConnectionState.FAILED) {
                ended(e);
            }
        }

        @Override
        public String toString() {
            return "InstrumentSession(" + reader.name() + ")";
        }
    };

    /** A query in flight. */
    private static final class Pending {
        /** The command's TX sequence number; unknown (MAX_VALUE) until the write returns. */
        long txSequence = Long.MAX_VALUE;
        /** RX frames seen while the sequence number was unknown. */
        List<FrameEvent> early = new ArrayList<>();
        FrameEvent answer;
        StateEvent end;
    }

    /**
     * A session over an existing reader (which keeps its rule: use an SCPI response rule, or
     * the line rule the instrument needs). Attaches as a listener; {@link #close()} detaches and
     * leaves the reader running.
     */
    public InstrumentSession(ReaderService reader, Terminator terminator) {
        this(reader, terminator, false);
    }

    private InstrumentSession(ReaderService reader, Terminator terminator, boolean ownsReader) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.terminator = Objects.requireNonNull(terminator, "terminator");
        this.ownsReader = ownsReader;
        this.core = this;
        reader.addListener(listener);
    }

    private InstrumentSession(InstrumentSession core, Terminator terminator) {
        this.reader = core.reader;
        this.terminator = Objects.requireNonNull(terminator, "terminator");
        this.ownsReader = false;
        this.core = core;
    }

    /**
     * This session with commands ending in {@code t}: the same reader, the same turns and the
     * same answer matching, so queries with either terminator are serialized with each other
     * and never take each other's answers (two sessions on one reader would: each takes the
     * first frame after its own command). {@link #close()} of the result does nothing; closing
     * this session ends both.
     */
    public InstrumentSession withTerminator(Terminator t) {
        Objects.requireNonNull(t, "terminator");
        return t == terminator ? this : new InstrumentSession(core, t);
    }

    /**
     * Opens a connection with its own reader (framing SCPI responses, IEEE 488.2 blocks
     * included) and waits for it to connect, up to 10 seconds.
     *
     * @throws IOException the connection failed (the message says why) or did not come up in time
     */
    public static InstrumentSession open(TransportFactory f, Terminator t) throws IOException {
        return open(f, t, Duration.ofSeconds(10));
    }

    /**
     * {@link #open(TransportFactory, Terminator)} waiting up to {@code connectWait} for the
     * connection (a TCP listener: for the peer).
     */
    public static InstrumentSession open(TransportFactory f, Terminator t, Duration connectWait) throws IOException {
        Objects.requireNonNull(f, "factory");
        Objects.requireNonNull(t, "terminator");
        CountDownLatch up = new CountDownLatch(1);
        AtomicReference<StateEvent> result = new AtomicReference<>();
        ReaderListener watch = new ReaderListener() {
            @Override
            public void onState(StateEvent e) {
                if (e.state() == ConnectionState.CONNECTED || e.state() == ConnectionState.FAILED
                        || e.state() == ConnectionState.DISCONNECTED) {
                    result.compareAndSet(null, e);
                    up.countDown();
                }
            }
        };
        ReaderService r = ReaderService.builder(f).rule(responseRule(t)).listener(watch)
                .name("scpi-" + f).start();
        boolean ok = false;
        try {
            if (!up.await(connectWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(f + ": not connected after " + connectWait.toMillis() + " ms");
            }
            StateEvent e = result.get();
            if (e.state() != ConnectionState.CONNECTED) {
                throw new IOException(e.detail());
            }
            InstrumentSession s = new InstrumentSession(r, t, true);
            r.removeListener(watch);
            ok = true;
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(f + ": interrupted while connecting", e);
        } finally {
            if (!ok) {
                r.close();
            }
        }
    }

    /** The rule a session's own reader uses for responses ending in {@code t}. */
    static FrameRule responseRule(Terminator t) {
        return ScpiRules.responseRule(t);
    }

    /**
     * Sends {@code command} followed by the terminator, after the query in progress (waiting up
     * to {@link #DEFAULT_TURN_WAIT} for it).
     *
     * @throws SessionBusyException the query in progress did not end in time; nothing was sent
     */
    public void write(String command) throws IOException {
        write(command, DEFAULT_TURN_WAIT);
    }

    /**
     * {@link #write(String)} waiting up to {@code turnWait} for the query in progress.
     *
     * @throws SessionBusyException the query in progress did not end in time; nothing was sent
     */
    public void write(String command, Duration turnWait) throws IOException {
        Objects.requireNonNull(turnWait, "turnWait");
        core.send(command, encode(command), turnWait);
    }

    private void send(String command, byte[] bytes, Duration turnWait) throws IOException {
        takeTurn(command, turnWait);
        try {
            reader.send(bytes);
        } finally {
            endTurn();
        }
    }

    /** Waits up to {@code wait} for the turn; the caller must {@link #endTurn()} in a finally. */
    private void takeTurn(String command, Duration wait) throws IOException {
        long t0 = System.nanoTime();
        boolean got;
        try {
            got = exchange.tryLock(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to send \"" + command + "\"", e);
        }
        if (!got) {
            String holder = inProgress;
            long heldMillis = holder == null ? 0 : (System.nanoTime() - inProgressSince) / 1_000_000;
            throw new SessionBusyException(command, Duration.ofNanos(System.nanoTime() - t0), holder, heldMillis,
                    reader.describe());
        }
        inProgress = command;
        inProgressSince = System.nanoTime();
    }

    private void endTurn() {
        inProgress = null;
        exchange.unlock();
    }

    /**
     * Sends {@code command} and waits for the response frame. Waits first for the query in
     * progress (another thread's), up to {@code timeout} too.
     *
     * @throws QueryTimeoutException no response within {@code timeout} (says what did arrive)
     * @throws SessionBusyException  the query in progress did not end within {@code timeout};
     *                               nothing was sent
     * @throws IOException           not connected, the write failed, or the connection ended
     */
    public Response query(String command, Duration timeout) throws IOException {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout <= 0: " + timeout);
        }
        return core.exchange(command, encode(command), timeout);
    }

    private Response exchange(String command, byte[] bytes, Duration timeout) throws IOException {
        if (reader.isDeliveryThread()) {
            throw new IllegalStateException("query(\"" + command + "\") called from a listener of "
                    + reader.name() + ": it would wait for its own delivery thread");
        }
        takeTurn(command, timeout);
        try {
            Pending p = new Pending();
            synchronized (monitor) {
                pending = p;
            }
            try {
                long bytesBefore = reader.stats().bytesIn();
                long t0 = System.nanoTime();
                long seq = reader.transmit(bytes);
                FrameEvent answer = await(p, seq, t0 + timeout.toNanos(), command);
                if (answer == null) {
                    long arrived = reader.stats().bytesIn() - bytesBefore;
                    byte[] last = reader.recentBytesIn((int) Math.min(LAST_BYTES, arrived));
                    throw new QueryTimeoutException(command, timeout, reader.describe(), arrived, last);
                }
                byte[] b = answer.bytes();
                List<IeeeBlock> blocks = ScpiRules.findBlocks(b);
                return new Response(command, b, blocks, Duration.ofNanos(Math.max(0, answer.monotonicNanos() - t0)));
            } finally {
                synchronized (monitor) {
                    pending = null;
                }
            }
        } finally {
            endTurn();
        }
    }

    private FrameEvent await(Pending p, long seq, long deadline, String command) throws IOException {
        synchronized (monitor) {
            p.txSequence = seq;
            for (FrameEvent e : p.early) {
                if (e.sequence() > seq) {
                    p.answer = e;
                    break;
                }
            }
            p.early = null;
            while (p.answer == null) {
                if (p.end != null && reader.state() != ConnectionState.CONNECTED) {
                    throw new IOException("connection ended while waiting for the response to \"" + command
                            + "\": " + p.end.state() + " " + p.end.detail());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the response to \"" + command + "\"", e);
                }
            }
            return p.answer;
        }
    }

    /** The delivery thread offers each RX frame. */
    private void offer(FrameEvent e) {
        synchronized (monitor) {
            Pending p = pending;
            if (p == null || p.answer != null) {
                return;
            }
            if (p.early != null && p.txSequence == Long.MAX_VALUE) {
                if (p.early.size() < 1024) {
                    p.early.add(e); // sorted out once the command's sequence number is known
                }
            } else if (e.sequence() > p.txSequence) {
                p.answer = e;
                monitor.notifyAll();
            }
        }
    }

    private void ended(StateEvent e) {
        synchronized (monitor) {
            if (pending != null) {
                pending.end = e;
                monitor.notifyAll();
            }
        }
    }

    /** {@code *IDN?}, parsed. */
    public Identity identify(Duration timeout) throws IOException {
        Response r = query("*IDN?", timeout);
        try {
            return Identity.parse(r.text());
        } catch (IllegalArgumentException e) {
            throw new IOException(reader.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drains the error queue: {@code SYST:ERR?} until the instrument answers code 0. Returns the
     * errors read, oldest first (empty when there were none).
     *
     * @throws IOException a query failed, an answer was not an error entry, or the queue was
     *                     still not empty after 100 reads
     */
    public List<InstrumentError> errors(Duration timeout) throws IOException {
        List<InstrumentError> out = new ArrayList<>();
        for (int i = 0; i < MAX_ERRORS; i++) {
            Response r = query("SYST:ERR?", timeout);
            InstrumentError e;
            try {
                e = InstrumentError.parse(r.text());
            } catch (IllegalArgumentException x) {
                throw new IOException(reader.describe() + ": " + x.getMessage(), x);
            }
            if (e.isNoError()) {
                return out;
            }
            out.add(e);
        }
        throw new IOException(reader.describe() + ": error queue still not empty after " + MAX_ERRORS
                + " SYST:ERR? reads; last: " + out.get(out.size() - 1));
    }

    /** The reader underneath (for listeners, stats, the rule). */
    public ReaderService reader() {
        return reader;
    }

    public Terminator terminator() {
        return terminator;
    }

    private byte[] encode(String command) {
        Objects.requireNonNull(command, "command");
        byte[] c = command.getBytes(StandardCharsets.ISO_8859_1);
        byte[] t = terminator.bytes();
        byte[] out = new byte[c.length + t.length];
        System.arraycopy(c, 0, out, 0, c.length);
        System.arraycopy(t, 0, out, c.length, t.length);
        return out;
    }

    /** Detaches from the reader; closes it too when {@link #open} made it. */
    @Override
    public void close() {
        if (core != this) {
            return; // made by withTerminator: the session it came from owns the listener
        }
        reader.removeListener(listener);
        if (ownsReader) {
            reader.close();
        }
    }
}
