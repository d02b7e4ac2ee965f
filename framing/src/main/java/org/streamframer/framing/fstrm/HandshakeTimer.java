package org.streamframer.framing.fstrm;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds a handshake wait on any pair of streams: a named thread that, when the deadline
 * passes before {@link #close()}, closes the streams and interrupts the waiting thread. Closing
 * unblocks a socket read; the interrupt unblocks a piped stream. Either way the blocked read
 * fails and the caller turns that into a {@link FstrmTimeoutException} ({@link #fired()}).
 *
 * <p>{@link #close()} cancels the timer, joins its thread and clears an interrupt it caused.
 * A zero or negative timeout means no timer (wait for ever).
 */
final class HandshakeTimer implements AutoCloseable {
    private static final AtomicLong COUNT = new AtomicLong();

    private final Duration timeout;
    private final long deadline;
    private final Closeable[] streams;
    private final Thread owner = Thread.currentThread();
    private final Thread thread;
    private boolean cancelled;
    private boolean fired;
    private IOException closeFailure;

    private HandshakeTimer(Duration timeout, Closeable... streams) {
        this.timeout = timeout;
        this.streams = streams;
        this.deadline = System.nanoTime() + timeout.toNanos();
        if (timeout.isZero() || timeout.isNegative()) {
            thread = null;
            return;
        }
        thread = new Thread(this::run, "fstrm-handshake-timer-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts timing; on expiry {@code streams} are closed. */
    static HandshakeTimer start(Duration timeout, Closeable... streams) {
        return new HandshakeTimer(timeout, streams);
    }

    private void run() {
        synchronized (this) {
            long left;
            while (!cancelled && (left = deadline - System.nanoTime()) > 0) {
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    return; // only close() could interrupt us; it cancels
                }
            }
            if (cancelled) {
                return;
            }
            fired = true;
        }
        for (Closeable c : streams) {
            try {
                c.close();
            } catch (IOException e) {
                synchronized (this) {
                    closeFailure = e;
                }
            }
        }
        owner.interrupt();
    }

    /** Whether the deadline passed (the streams are closed). */
    synchronized boolean fired() {
        return fired;
    }

    /** The timeout error for a wait for {@code what}, carrying the failed read as its cause. */
    synchronized FstrmTimeoutException timeout(String what, Throwable readFailure) {
        FstrmTimeoutException e = new FstrmTimeoutException("no " + what + " within " + timeout.toMillis()
                + " ms; the connection was closed", readFailure);
        if (closeFailure != null) {
            e.addSuppressed(closeFailure);
        }
        return e;
    }

    /** Cancels the timer and joins its thread. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        boolean didFire;
        synchronized (this) {
            cancelled = true;
            notifyAll();
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the timer's own interrupt, or a caller's: decide below
            }
        }
        synchronized (this) {
            didFire = fired;
        }
        if (didFire) {
            Thread.interrupted(); // clear the interrupt the timer sent
        } else if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
