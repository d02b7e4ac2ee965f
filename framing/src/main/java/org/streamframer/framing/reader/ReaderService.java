package org.streamframer.framing.reader;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.streamframer.framing.BufferFullException;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.FramingException;
import org.streamframer.framing.PartialFrameException;
import org.streamframer.framing.transport.Transport;
import org.streamframer.framing.transport.TransportFactory;

/**
 * Reads a connection on a background thread, frames what arrives with a {@link FrameRule}, and
 * hands every frame (a copy, numbered and time-stamped) to listeners; sends go the other way and
 * are reported too, so a log shows both sides in order.
 *
 * <pre>
 *   transport --read--&gt; [reader thread: FrameBuffer + rule] --events--&gt; bounded queue
 *   send() ----write--&gt; transport        \--TX event---------------------^      |
 *                                                      [delivery thread] &lt;------+
 *                                                        listeners, in order
 * </pre>
 *
 * <h2>Threads</h2>
 * Two named daemon threads per service: {@code <name>-reader} opens the transport (and reopens
 * it when reconnecting), reads and frames; {@code <name>-delivery} calls the listeners, one
 * event at a time, in the order the events were queued. A listener that throws is reported
 * ({@link ListenerException} in an {@link ErrorEvent} to the other listeners) and keeps
 * receiving events. {@link #close()} stops both threads and joins them within a second.
 *
 * <h2>Memory</h2>
 * At most {@code queueCapacity} events wait for listeners; when the queue is full the
 * {@link OverflowPolicy} decides (block the reader, or drop and count). State changes are never
 * dropped. The frame buffer is bounded by the rule's maximum frame length. With
 * {@link OverflowPolicy#BLOCK} a sender waits for room before it takes the send lock, so a
 * listener may send from the delivery thread while another thread waits; the queue may then
 * exceed its capacity by one TX event per sending thread.
 *
 * <h2>Connections</h2>
 * Each connection starts with an empty buffer: bytes of a frame left incomplete when a
 * connection ends are reported as a {@link PartialFrameException} and never glued onto the next
 * connection's first frame. With a {@link ReconnectPolicy} the reader opens the transport again
 * after a disconnect or a failed attempt, backing off; each attempt is a CONNECTING event.
 * A factory that is {@link AutoCloseable} (a TCP listener) is closed with the service.
 *
 * <h2>Sequence numbers</h2>
 * RX and TX frames share one sequence, in queue order. A TX frame is numbered just before its
 * bytes are written, so every RX frame that completes after the write began has a larger number
 * (this is how {@code InstrumentSession} tells an answer from an earlier unsolicited frame). A
 * dropped frame still uses its number.
 */
public final class ReaderService implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ReaderService.class.getName());
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** How long a read waits when the rule is not time-based. */
    private static final Duration READ_TIMEOUT = Duration.ofMillis(100);
    /** Bytes kept for {@link #recentBytesIn(int)}. */
    private static final int RECENT_BYTES = 256;
    /** Events the delivery thread takes from the queue at once. */
    private static final int DELIVERY_BATCH = 1024;
    /** The frame buffer's first size: reads of up to 64 KiB, as a plain socket loop makes. */
    private static final int INITIAL_BUFFER = 64 * 1024;
    private static final long JOIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

    private final TransportFactory factory;
    private final List<ReaderListener> listeners = new CopyOnWriteArrayList<>();
    private final EventQueue queue;
    private final OverflowPolicy overflow;
    private final ReconnectPolicy reconnect;
    private final String name;
    private final Thread readerThread;
    private final Thread deliveryThread;
    private final Object sendLock = new Object();

    private volatile FrameRule rule;
    private volatile Transport current;
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile boolean closed;

    private final RecentBytes recent = new RecentBytes(RECENT_BYTES);
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong framesIn = new AtomicLong();
    private final AtomicLong framesOut = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile double bytesInPerSecond;
    private volatile double framesInPerSecond;

    private ReaderService(Builder b) {
        this.factory = b.factory;
        this.rule = b.rule;
        this.listeners.addAll(b.listeners);
        this.queue = new EventQueue(b.queueCapacity);
        this.overflow = b.overflow;
        this.reconnect = b.reconnect;
        this.name = b.name != null ? b.name : "streamframer-" + INSTANCES.incrementAndGet();
        this.readerThread = new Thread(this::readLoop, name + "-reader");
        this.deliveryThread = new Thread(this::deliveryLoop, name + "-delivery");
        readerThread.setDaemon(true);
        deliveryThread.setDaemon(true);
    }

    /** A builder for a service reading connections opened by {@code factory}. */
    public static Builder builder(TransportFactory factory) {
        return new Builder(factory);
    }

    /** Configures and starts a {@link ReaderService}. */
    public static final class Builder {
        private final TransportFactory factory;
        private FrameRule rule;
        private final List<ReaderListener> listeners = new CopyOnWriteArrayList<>();
        private int queueCapacity = 65536;
        private OverflowPolicy overflow = OverflowPolicy.BLOCK;
        private ReconnectPolicy reconnect = ReconnectPolicy.off();
        private String name;

        private Builder(TransportFactory factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
        }

        /** The framing rule (required). */
        public Builder rule(FrameRule rule) {
            this.rule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** Adds a listener; may be called several times. Listeners added here see every event. */
        public Builder listener(ReaderListener l) {
            listeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /** How many events may wait for the listeners (default 65536). */
        public Builder queueCapacity(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("queueCapacity < 1: " + frames);
            }
            this.queueCapacity = frames;
            return this;
        }

        /** What to do when the queue is full (default {@link OverflowPolicy#BLOCK}). */
        public Builder overflow(OverflowPolicy p) {
            this.overflow = Objects.requireNonNull(p, "overflow");
            return this;
        }

        /** Whether to reconnect (default {@link ReconnectPolicy#off()}). */
        public Builder reconnect(ReconnectPolicy p) {
            this.reconnect = Objects.requireNonNull(p, "reconnect");
            return this;
        }

        /** The prefix of the threads' names ({@code <name>-reader}, {@code <name>-delivery}). */
        public Builder name(String threadNamePrefix) {
            this.name = Objects.requireNonNull(threadNamePrefix, "name");
            return this;
        }

        /** Starts the threads; connecting happens in the background (watch the state events). */
        public ReaderService start() {
            if (rule == null) {
                throw new IllegalStateException("no rule: call rule(...) before start()");
            }
            ReaderService s = new ReaderService(this);
            s.deliveryThread.start();
            s.readerThread.start();
            return s;
        }
    }

    // ------------------------------------------------------------------ public API

    /**
     * Writes {@code bytes} to the connection and reports them as a TX frame. Thread-safe; does
     * not wait for the reader.
     *
     * @throws IOException not connected, or the write failed (also reported as an error event)
     */
    public void send(byte[] bytes) throws IOException {
        transmit(bytes);
    }

    /**
     * {@link #send} that returns the TX frame's sequence number: every RX frame completed after
     * the write began has a larger one.
     */
    public long transmit(byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        EventQueue.Mode mode = frameMode();
        if (mode == EventQueue.Mode.BLOCK) {
            // wait for room BEFORE taking the send lock: the delivery thread makes the room, and a
            // listener sending from it needs the lock (waiting while holding it deadlocked both)
            try {
                queue.awaitRoom();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted before sending " + bytes.length + " bytes to " + describe(), e);
            }
            mode = EventQueue.Mode.FORCE; // the room may be taken meanwhile: at most one event per sender over
        }
        synchronized (sendLock) {
            Transport t = current;
            if (t == null || closed || state != ConnectionState.CONNECTED) {
                throw new IOException("not connected (" + state + "): " + describe());
            }
            byte[] copy = bytes.clone();
            long seq;
            try {
                seq = queue.putFrame(Direction.TX, Instant.now(), System.nanoTime(), copy, 0, null, mode);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted before sending " + bytes.length + " bytes to " + t.describe(), e);
            }
            try {
                t.write(copy, 0, copy.length);
            } catch (IOException e) {
                reportError(e);
                throw e;
            }
            bytesOut.addAndGet(copy.length);
            framesOut.incrementAndGet();
            return seq;
        }
    }

    /** Replaces the rule; the bytes already buffered are framed by the new rule from the next frame on. */
    public void setRule(FrameRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public FrameRule rule() {
        return rule;
    }

    /** Adds a listener; it sees the events queued from now on. */
    public void addListener(ReaderListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    public void removeListener(ReaderListener l) {
        listeners.remove(l);
    }

    /** The counters now. */
    public ReaderStats stats() {
        return new ReaderStats(recent.total(), bytesOut.get(), framesIn.get(), framesOut.get(),
                errors.get(), queue.dropped(), bytesInPerSecond, framesInPerSecond);
    }

    /**
     * The last bytes received (at most {@code max}, at most 256), whatever the rule made of
     * them: for diagnostics such as a query timeout.
     */
    public byte[] recentBytesIn(int max) {
        return recent.last(max);
    }

    /** Events waiting for the listeners now. */
    public int queuedEvents() {
        return queue.size();
    }

    public ConnectionState state() {
        return state;
    }

    /** The connection ("tcp 127.0.0.1:5025") or, when not connected, what it connects to. */
    public String describe() {
        Transport t = current;
        return t != null ? t.describe() : String.valueOf(factory);
    }

    /** Whether the calling thread is this service's delivery thread (i.e. inside a listener). */
    public boolean isDeliveryThread() {
        return Thread.currentThread() == deliveryThread;
    }

    /** The threads' name prefix. */
    public String name() {
        return name;
    }

    /**
     * Stops reading, closes the connection (and a closeable factory), delivers the final events
     * that fit, and joins both threads within a second. Idempotent; may be called from a listener.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + JOIN_NANOS;
        if (!closed) {
            closed = true;
            queue.closing();
            closeQuietly(current);
            if (factory instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, name + ": closing " + factory + " failed", e);
                }
            }
            readerThread.interrupt();
        }
        Thread self = Thread.currentThread();
        if (self != readerThread) {
            join(readerThread, deadline - System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(200));
        }
        if (self != deliveryThread) {
            join(deliveryThread, deadline - System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(100));
            if (deliveryThread.isAlive()) {
                deliveryThread.interrupt(); // a listener is stuck; the queued rest is not delivered
                join(deliveryThread, deadline - System.nanoTime());
            }
        }
    }

    private static void join(Thread t, long nanos) {
        boolean interrupted = false;
        long end = System.nanoTime() + Math.max(0, nanos);
        while (t.isAlive()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ReaderService[" + name + ", " + state + ", " + describe() + "]";
    }

    // ------------------------------------------------------------------ reader thread

    private void readLoop() {
        int failures = 0;
        int attempt = 0;
        try {
            while (!closed) {
                attempt++;
                publishState(ConnectionState.CONNECTING,
                        factory + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
                Transport t;
                try {
                    t = factory.open();
                } catch (IOException | RuntimeException e) {
                    if (closed) {
                        break;
                    }
                    reportError(e);
                    publishState(ConnectionState.FAILED, String.valueOf(e.getMessage()));
                    if (!reconnect.enabled() || !backOff(reconnect.delayAfter(failures++))) {
                        return;
                    }
                    continue;
                }
                current = t;
                if (closed) { // close() may have missed it
                    closeQuietly(t);
                    break;
                }
                failures = 0;
                attempt = 0;
                publishState(ConnectionState.CONNECTED, t.describe());
                String why = readConnection(t);
                current = null; // a send still holding t fails on the closed transport
                closeQuietly(t);
                publishState(ConnectionState.DISCONNECTED, t.describe() + ": " + why);
                if (closed || !reconnect.enabled() || !backOff(reconnect.delayAfter(0))) {
                    return;
                }
            }
            publishState(ConnectionState.DISCONNECTED, "closed");
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, name + ": reader thread failed", e);
            reportError(e instanceof Exception x ? x : new IllegalStateException(e.toString(), e));
            publishState(ConnectionState.FAILED, "reader failed: " + e);
            throw e;
        } finally {
            queue.finish();
        }
    }

    /** Sleeps before a reconnect; false if closed meanwhile. */
    private boolean backOff(Duration d) {
        if (closed) {
            return false;
        }
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            return false; // close() interrupts
        }
        return !closed;
    }

    /** Reads one connection until it ends; returns why it ended. */
    private String readConnection(Transport t) {
        FrameRule r = rule;
        FrameBuffer buf = newBuffer(r);
        InputStream in = new TransportInput(t, recent);
        applyReadTimeout(t, r);
        long windowStart = System.nanoTime();
        long windowBytes = recent.total();
        long windowFrames = framesIn.get();
        Instant readTime = null;
        long readNanos = 0;
        try {
            while (!closed) {
                FrameRule now = rule;
                if (now != r) {
                    r = now;
                    applyReadTimeout(t, r);
                }
                if (!drain(buf, r, readTime, readNanos)) {
                    return "closed";
                }
                int n;
                try {
                    n = buf.readFrom(in);
                } catch (BufferFullException e) {
                    reportError(e);
                    buf.clear(); // only when a rule's maximum exceeds the buffer's; reported above
                    continue;
                }
                if (n < 0) {
                    drain(buf, r, Instant.now(), System.nanoTime());
                    return "end of stream";
                }
                long tNow = System.nanoTime();
                if (n > 0) {
                    // every frame this read completes was complete at this moment
                    readTime = Instant.now();
                    readNanos = tNow;
                } else {
                    readTime = null; // a timed-out read: a time-based rule's frame ends now
                }
                long dt = tNow - windowStart;
                if (dt >= 1_000_000_000L) {
                    long b = recent.total();
                    long f = framesIn.get();
                    bytesInPerSecond = (b - windowBytes) * 1e9 / dt;
                    framesInPerSecond = (f - windowFrames) * 1e9 / dt;
                    windowStart = tNow;
                    windowBytes = b;
                    windowFrames = f;
                }
            }
            return "closed";
        } catch (IOException e) {
            if (closed) {
                return "closed";
            }
            reportError(e);
            return String.valueOf(e.getMessage());
        } finally {
            bytesInPerSecond = 0;
            framesInPerSecond = 0;
            if (!buf.hasLiveFrame()) {
                byte[] partial = buf.takeRemainder();
                if (partial != null) {
                    reportError(new PartialFrameException(partial));
                }
            }
        }
    }

    private static FrameBuffer newBuffer(FrameRule r) {
        long max = Math.max(FrameBuffer.DEFAULT_MAX_CAPACITY, (long) r.maxFrameLength() + 64 * 1024);
        return new FrameBuffer(INITIAL_BUFFER, (int) Math.min(max, Integer.MAX_VALUE - 16));
    }

    private void applyReadTimeout(Transport t, FrameRule r) {
        long idle = r.idleTimeoutNanos();
        Duration d = READ_TIMEOUT;
        if (idle > 0) {
            d = Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(READ_TIMEOUT.toNanos(), idle / 2)));
        }
        try {
            t.readTimeout(d);
        } catch (IOException e) {
            reportError(e);
        }
    }

    /**
     * Queues every complete frame in the buffer, stamped with the time of the read that completed
     * them (or now, when {@code readTime} is null), then wakes the delivery thread once.
     *
     * @return false if interrupted by close()
     */
    private boolean drain(FrameBuffer buf, FrameRule r, Instant readTime, long readNanos) {
        try {
            return drainQuietly(buf, r, readTime, readNanos);
        } finally {
            queue.wake();
        }
    }

    private boolean drainQuietly(FrameBuffer buf, FrameRule r, Instant time, long mono) {
        while (true) {
            boolean live;
            try {
                live = buf.advance(r);
            } catch (FramingException e) {
                reportError(e);
                continue; // the buffer has stepped over the bad bytes
            }
            if (!live) {
                return true;
            }
            int s = buf.frameStart();
            byte[] copy = Arrays.copyOfRange(buf.array(), s, buf.frameEnd());
            int type = buf.frameType();
            Object meta = buf.frameMeta();
            buf.consumeFrame();
            framesIn.incrementAndGet();
            if (time == null) {
                time = Instant.now();
                mono = System.nanoTime();
            }
            try {
                queue.queueFrame(Direction.RX, time, mono, copy, type, meta, frameMode());
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    /** The queueing mode for frames and errors from the calling thread. */
    private EventQueue.Mode frameMode() {
        if (isDeliveryThread()) {
            return EventQueue.Mode.FORCE; // a listener sending: waiting for room would wait for itself
        }
        return overflow == OverflowPolicy.BLOCK ? EventQueue.Mode.BLOCK : EventQueue.Mode.DROP;
    }

    private void reportError(Exception e) {
        errors.incrementAndGet();
        try {
            queue.put(new ErrorEvent(Instant.now(), e), frameMode());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Queues a state change. Never dropped: it waits for room (whatever the overflow policy: state
     * changes come at connection boundaries, where holding the reader loses nothing), and once the
     * service is closing it goes in past the capacity.
     */
    private void publishState(ConnectionState s, String detail) {
        state = s;
        StateEvent e = new StateEvent(Instant.now(), s, detail);
        try {
            if (queue.put(e, closed ? EventQueue.Mode.FORCE : EventQueue.Mode.BLOCK)) {
                return;
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt(); // close(): keep the flag so the reader stops
        }
        try {
            queue.put(e, EventQueue.Mode.FORCE); // closing meanwhile
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt(); // FORCE never waits
        }
    }

    private void closeQuietly(Transport t) {
        if (t == null) {
            return;
        }
        try {
            t.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, name + ": closing " + t.describe() + " failed", e);
        }
    }

    // ------------------------------------------------------------------ delivery thread

    private void deliveryLoop() {
        // events are taken in batches (one lock per batch) and dispatched in order
        ArrayDeque<Object> batch = new ArrayDeque<>(DELIVERY_BATCH);
        while (true) {
            int n;
            try {
                n = queue.takeAll(TimeUnit.MILLISECONDS.toNanos(200), batch, DELIVERY_BATCH);
            } catch (InterruptedException ie) {
                return; // close() gave up on a stuck listener
            }
            if (n < 0) {
                return;
            }
            Object e;
            while ((e = batch.pollFirst()) != null) {
                dispatch(e);
            }
            if (n > 0) {
                queue.delivered(n);
            }
        }
    }

    private void dispatch(Object e) {
        for (ReaderListener l : listeners) {
            try {
                if (e instanceof FrameEvent f) {
                    l.onFrame(f);
                } else if (e instanceof ErrorEvent x) {
                    l.onError(x);
                } else {
                    l.onState((StateEvent) e);
                }
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                listenerFailed(l, e, t);
            }
        }
    }

    private void listenerFailed(ReaderListener failed, Object event, Throwable t) {
        errors.incrementAndGet();
        String what = event instanceof FrameEvent ? "onFrame" : event instanceof ErrorEvent ? "onError" : "onState";
        ErrorEvent report = new ErrorEvent(Instant.now(),
                new ListenerException(name + ": listener " + failed + " threw in " + what + ": " + t, t));
        LOG.log(System.Logger.Level.WARNING, report.error().getMessage(), t);
        for (ReaderListener l : listeners) {
            if (l == failed) {
                continue;
            }
            try {
                l.onError(report);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable again) {
                errors.incrementAndGet();
                LOG.log(System.Logger.Level.WARNING, name + ": listener " + l
                        + " threw in onError while a listener failure was reported", again);
            }
        }
    }

    /** The transport as an InputStream for {@link FrameBuffer#readFrom(InputStream)}; records what arrives. */
    private static final class TransportInput extends InputStream {
        private final Transport t;
        private final RecentBytes recent;

        TransportInput(Transport t, RecentBytes recent) {
            this.t = t;
            this.recent = recent;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = t.read(b, off, len);
            if (n > 0) {
                recent.add(b, off, n);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            do {
                n = read(one, 0, 1);
            } while (n == 0);
            return n < 0 ? -1 : one[0] & 0xff;
        }
    }
}
