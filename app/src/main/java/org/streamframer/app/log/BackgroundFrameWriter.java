package org.streamframer.app.log;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.streamframer.framing.reader.ConnectionState;
import org.streamframer.framing.reader.FrameEvent;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.reader.StateEvent;

/**
 * Records frames on its own thread. {@link #onFrame} only offers the frame to a bounded
 * queue and returns: it never blocks and never throws, so it is safe on a reader's delivery
 * thread and on the FX thread. A full queue drops the frame (counted in {@link #dropped()}).
 * A writer made {@linkplain #lossless() lossless} waits for room instead: the delivery thread
 * then slows the reader down (and the reader the peer, through TCP flow control), and nothing
 * is dropped while the log can be written. The console keeps the default; the CLI's
 * {@code monitor --out}, whose only job is the file, is lossless.
 *
 * <p>The target is opened on the writer thread. The first I/O error (unwritable path, full
 * disk) ends the log: it is handed once to the error handler as a {@link LogWriteException},
 * later frames are dropped and counted, and the caller's connection is not affected.
 *
 * <p>Lifecycle: {@link #start()} once; {@link #stop()} asks the thread to write what is queued
 * and finish; {@link #awaitStopped(Duration)} waits for that; {@link #close()} does both (up to 5 s).
 */
public abstract class BackgroundFrameWriter implements ReaderListener, AutoCloseable {

    /** Frames queued at most unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 16_384;

    private static final Object RESET = new Object();
    private static final Object STOP = new Object();

    private final LogTarget target;
    private final BlockingQueue<Object> queue;
    private final Consumer<LogWriteException> onError;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** Wait for room in the queue instead of dropping (set before {@link #start()}). */
    private volatile boolean lossless;
    /** Frames in the stream's buffer, not yet flushed (writer thread only). */
    private long unflushed;
    private volatile LogWriteException error;

    /**
     * @param threadName names the writer thread
     * @param capacity   frames queued at most
     * @param onError    called once, on the writer thread, with the error that ended the log
     */
    protected BackgroundFrameWriter(LogTarget target, String threadName, int capacity,
                                    Consumer<LogWriteException> onError) {
        this.target = Objects.requireNonNull(target, "target");
        this.onError = Objects.requireNonNull(onError, "onError");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity (" + capacity + ") must be at least 1");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, Objects.requireNonNull(threadName, "threadName"));
        this.thread.setDaemon(true);
    }

    /** Writes one frame to {@code out} (buffered; flushed when the queue runs empty). */
    protected abstract void write(FrameEvent e, OutputStream out) throws IOException;

    /** The connection was lost or re-made: forget per-connection state. Writer thread. */
    protected void reset() {
    }

    /** Starts the writer thread (opens the target there). */
    public BackgroundFrameWriter start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("session log " + target.describe() + " already started");
        }
        thread.start();
        return this;
    }

    /**
     * Makes {@link #onFrame} wait for room in the queue rather than drop the frame; it still
     * returns (dropping and counting) once the log has failed or been stopped, or when the
     * calling thread is interrupted. Call before {@link #start()}.
     */
    public BackgroundFrameWriter lossless() {
        if (started.get()) {
            throw new IllegalStateException("session log " + target.describe() + " already started");
        }
        lossless = true;
        return this;
    }

    @Override
    public void onFrame(FrameEvent e) {
        if (!accepting.get() || error != null) {
            dropped.incrementAndGet();
        } else if (!queue.offer(e) && !(lossless && waitForRoom(e))) {
            dropped.incrementAndGet();
        }
    }

    /** Lossless mode: queues {@code e} as soon as there is room; false if the log ended first. */
    private boolean waitForRoom(FrameEvent e) {
        try {
            while (accepting.get() && error == null && thread.isAlive()) {
                if (queue.offer(e, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void onState(StateEvent e) {
        if (e.state() == ConnectionState.CONNECTED || e.state() == ConnectionState.DISCONNECTED) {
            queue.offer(RESET); // best effort: losing a reset only risks a wrong pairing
        }
    }

    /** Stops taking frames; what is queued is still written. Returns at once. */
    public void stop() {
        if (accepting.compareAndSet(true, false)) {
            // when the queue is full the marker does not fit; the writer then ends when it runs empty
            queue.offer(STOP);
        }
    }

    /** Waits for the writer thread to finish; true when it did within {@code timeout}. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        if (!started.get()) {
            return true;
        }
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    /** {@link #stop()}, then waits up to 5 s for the queue to be written. */
    @Override
    public void close() {
        stop();
        try {
            awaitStopped(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String target() {
        return target.describe();
    }

    /** Frames written and flushed to the target so far. */
    public long written() {
        return written.get();
    }

    /**
     * Frames not written: queue full, offered after an error or after stop, or lost in the
     * buffer when the target failed.
     */
    public long dropped() {
        long late = 0;
        if (started.get() && !thread.isAlive()) {
            // offered while the writer was finishing: they stay queued, never written
            late = queue.stream().filter(FrameEvent.class::isInstance).count();
        }
        return dropped.get() + late;
    }

    /** The error that ended the log, or null. */
    public LogWriteException error() {
        return error;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    private void run() {
        OutputStream raw;
        try {
            raw = target.open();
        } catch (IOException e) {
            fail("could not open", e);
            return;
        }
        OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
        try {
            loop(out);
        } catch (IOException e) {
            fail("could not write", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish(out);
        }
    }

    private void loop(OutputStream out) throws IOException, InterruptedException {
        while (true) {
            Object item = queue.poll();
            if (item == null) {
                flush(out); // the queue ran empty: make the file current
                if (!accepting.get() && queue.isEmpty()) {
                    // stopped: frames queued while the flush ran (before the stop) are still written
                    return;
                }
                item = queue.poll(200, TimeUnit.MILLISECONDS);
                if (item == null) {
                    continue;
                }
            }
            if (item == STOP) {
                flush(out);
                return;
            } else if (item == RESET) {
                reset();
            } else {
                unflushed++;
                write((FrameEvent) item, out);
            }
        }
    }

    private void flush(OutputStream out) throws IOException {
        out.flush();
        written.addAndGet(unflushed);
        unflushed = 0;
    }

    private void finish(OutputStream out) {
        try {
            if (error == null) {
                flush(out);
            }
        } catch (IOException e) {
            fail("could not write", e);
        }
        try {
            if (target.closeWhenDone()) {
                out.close();
            }
        } catch (IOException e) {
            if (error == null) {
                fail("could not close", e);
            }
        }
        dropped.addAndGet(unflushed); // in the buffer when the target failed
        unflushed = 0;
        // frames still queued after an error are not written: count them
        for (Object o; (o = queue.poll()) != null; ) {
            if (o instanceof FrameEvent) {
                dropped.incrementAndGet();
            }
        }
    }

    private void fail(String what, IOException e) {
        accepting.set(false);
        LogWriteException w = new LogWriteException(target.describe(), written.get(), what, e);
        error = w;
        onError.accept(w);
    }
}
