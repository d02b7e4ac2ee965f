package org.streamframer.framing.reader;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between the reader (and senders) and the one delivery thread. Frame events
 * are numbered as they are queued, under the queue's lock, so sequence order is queue order is
 * delivery order.
 *
 * <p>Producers either wait for room ({@link Mode#BLOCK}), give up and count a drop
 * ({@link Mode#DROP}), or add past the capacity ({@link Mode#FORCE}: state changes once the
 * service is closing, and events produced by a listener on the delivery thread itself, which
 * could otherwise wait for itself forever). Once {@link #closing()} is called nobody waits any
 * more.
 */
final class EventQueue {

    enum Mode { BLOCK, DROP, FORCE }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Object> items;
    private final int capacity;
    /** The last sequence number given to a frame event. */
    private long sequence;
    private long dropped;
    /** Events taken by {@link #takeAll} and not yet reported {@link #delivered}: they still count against the capacity. */
    private int inFlight;
    private boolean closing;
    private boolean finished;

    EventQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity < 1: " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * Numbers and queues a frame event.
     *
     * @return the frame's sequence number; it is used even when the event is dropped, so a
     *         dropped frame leaves a gap a listener can see
     */
    long putFrame(Direction dir, Instant time, long mono, byte[] bytes, int type, Object meta, Mode mode)
            throws InterruptedException {
        return putFrame(dir, time, mono, bytes, type, meta, mode, true);
    }

    /**
     * {@link #putFrame} without waking the consumer: for a producer queueing a batch (the frames
     * of one read), which then calls {@link #wake()} once. Waking the delivery thread for every
     * frame made the two threads hand over one frame at a time, a park and unpark per frame.
     */
    long queueFrame(Direction dir, Instant time, long mono, byte[] bytes, int type, Object meta, Mode mode)
            throws InterruptedException {
        return putFrame(dir, time, mono, bytes, type, meta, mode, false);
    }

    private long putFrame(Direction dir, Instant time, long mono, byte[] bytes, int type, Object meta,
                          Mode mode, boolean wake) throws InterruptedException {
        lock.lock();
        try {
            long seq = ++sequence;
            if (room(mode)) {
                items.addLast(new FrameEvent(seq, dir, time, mono, bytes, type, meta));
                if (wake) {
                    notEmpty.signal();
                }
            }
            return seq;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the consumer for what {@link #queueFrame} queued. */
    void wake() {
        lock.lock();
        try {
            if (!items.isEmpty()) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until an event would fit (or the queue is closing), without adding one: a sender
     * waits here before it takes its send lock, so the lock is never held while waiting for the
     * delivery thread (a listener sending from that thread needs the lock).
     */
    void awaitRoom() throws InterruptedException {
        lock.lock();
        try {
            room(Mode.BLOCK);
        } finally {
            lock.unlock();
        }
    }

    /** Queues an error or state event; false if it was dropped. */
    boolean put(Object event, Mode mode) throws InterruptedException {
        lock.lock();
        try {
            if (room(mode)) {
                add(event);
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Whether an event may be added now (waiting for room when the mode says so); counts drops. */
    private boolean room(Mode mode) throws InterruptedException {
        if (mode == Mode.BLOCK) {
            while (items.size() + inFlight >= capacity && !closing) {
                notEmpty.signal(); // items queued without a wake-up must not wait for a sleeping consumer
                notFull.await();
            }
        }
        if (mode == Mode.FORCE || items.size() + inFlight < capacity) {
            return true;
        }
        dropped++;
        return false;
    }

    private void add(Object event) {
        items.addLast(event);
        notEmpty.signal();
    }

    /**
     * Moves every queued event (at most {@code max}) into {@code into}, waiting up to
     * {@code nanos} for one: one lock per batch instead of one per event. The moved events still
     * count against the capacity until the consumer reports them {@link #delivered}, so the
     * capacity bounds what is held, queued or being delivered.
     *
     * @return the number moved; 0 after waiting {@code nanos}; -1 when finished and empty
     */
    int takeAll(long nanos, java.util.Collection<Object> into, int max) throws InterruptedException {
        lock.lock();
        try {
            while (items.isEmpty()) {
                if (finished) {
                    return -1;
                }
                if (nanos <= 0) {
                    return 0;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            int n = 0;
            while (n < max && !items.isEmpty()) {
                into.add(items.pollFirst());
                n++;
            }
            inFlight += n;
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** The consumer has dispatched {@code n} events from {@link #takeAll}: their room is free again. */
    void delivered(int n) {
        lock.lock();
        try {
            inFlight -= n;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** From now on producers never wait for room (they drop instead). */
    void closing() {
        lock.lock();
        try {
            closing = true;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** No more events will come: {@link #takeAll} answers -1 once the queue is empty. */
    void finish() {
        lock.lock();
        try {
            finished = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        return capacity;
    }
}
