package org.streamframer.app.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Sends unsolicited lines {@code <seq>,<reading><terminator>} (e.g. {@code 41,+1.23456789E+00\n})
 * at a set rate, for load testing, on its own thread ({@code sim-stream-<client>}).
 *
 * <p>Paced by time, not by a sleep per line: every wake-up it sends, in one write, as many lines
 * as the clock says are due (at most a 64 KiB batch per write), then parks until the next line is
 * due (at least 200 us, so high rates go out in batches; at most 50 ms). A reader that falls
 * more than one second behind loses that backlog rather than getting it in one burst (logged at
 * DEBUG). Nothing is allocated per line: sequence digits are written into the batch, readings
 * come from a ring made at start.
 */
final class StreamPacer implements SimSession.StreamControl, AutoCloseable {

    /** Writes a batch; the simulator's client serializes it with query answers. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] b, int off, int len) throws IOException;
    }

    private static final int BATCH_BYTES = 64 * 1024;
    private static final int RING = 512;
    /** The longest park: a changed rate is picked up within it ({@link #stop()} unparks at once). */
    private static final long MAX_PARK_NANOS = 50_000_000;
    /** The shortest park: at high rates lines go out in batches of 200 us, not one by one. */
    private static final long MIN_PARK_NANOS = 200_000;
    private static final System.Logger LOG = System.getLogger(StreamPacer.class.getName());

    private final Sink sink;
    private final String threadName;
    private final byte[] terminator;
    private final byte[][] readings = new byte[RING][];
    private final byte[] batch = new byte[BATCH_BYTES];

    private volatile int rate;
    private volatile boolean running;
    /** The next line's number; only the stream thread touches it (one at a time). */
    private long nextSeq;
    private Thread thread;

    StreamPacer(Sink sink, String threadName, byte[] terminator, long seed, LongSupplier clock) {
        this.sink = sink;
        this.threadName = threadName;
        this.terminator = terminator.clone();
        Multimeter m = new Multimeter(seed ^ 0x5EED, clock);
        for (int i = 0; i < RING; i++) {
            readings[i] = m.readFormatted().getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Override
    public synchronized void start(int linesPerSecond) {
        if (linesPerSecond < 1) {
            throw new IllegalArgumentException("linesPerSecond < 1: " + linesPerSecond);
        }
        rate = linesPerSecond;
        if (thread == null) {
            running = true;
            thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public synchronized void stop() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        running = false;
        thread = null;
        LockSupport.unpark(t);
        if (t != Thread.currentThread()) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void run() {
        int current = rate;
        long t0 = System.nanoTime();
        long sentAtRate = 0;
        long seq = nextSeq;
        long skipped = 0;
        try {
            while (running) {
                if (rate != current) {
                    current = rate;
                    t0 = System.nanoTime();
                    sentAtRate = 0;
                }
                long now = System.nanoTime();
                long due = (long) ((now - t0) * (current / 1e9)) - sentAtRate;
                if (due > current) {
                    // over a second behind: drop the backlog, keep the rate from here
                    skipped += due;
                    sentAtRate += due;
                    seq += due;
                    due = 0;
                }
                if (due <= 0) {
                    long nextDue = t0 + (long) ((sentAtRate + 1) * (1e9 / current));
                    LockSupport.parkNanos(Math.max(MIN_PARK_NANOS, Math.min(MAX_PARK_NANOS, nextDue - now)));
                    continue;
                }
                int len = 0;
                int lines = 0;
                while (lines < due && len + 48 <= batch.length) {
                    len = line(seq++, len);
                    lines++;
                }
                sink.write(batch, 0, len);
                sentAtRate += lines;
            }
        } catch (IOException e) {
            // the client went away; its reader thread sees the same end and closes the link
            running = false;
            LOG.log(System.Logger.Level.DEBUG, threadName + " stopped: " + e.getMessage());
        } finally {
            nextSeq = seq;
            if (skipped > 0) {
                LOG.log(System.Logger.Level.DEBUG, threadName + ": " + skipped
                        + " lines dropped while the reader was over a second behind");
            }
        }
    }

    /** Writes {@code seq,reading<term>} at {@code pos}; returns the new end. */
    private int line(long seq, int pos) {
        pos = digits(seq, pos);
        batch[pos++] = ',';
        byte[] r = readings[(int) (seq % RING)];
        System.arraycopy(r, 0, batch, pos, r.length);
        pos += r.length;
        for (byte b : terminator) {
            batch[pos++] = b;
        }
        return pos;
    }

    private int digits(long v, int pos) {
        if (v == 0) {
            batch[pos] = '0';
            return pos + 1;
        }
        int n = 0;
        for (long x = v; x > 0; x /= 10) {
            n++;
        }
        int end = pos + n;
        for (int i = end - 1; i >= pos; i--) {
            batch[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return end;
    }
}
