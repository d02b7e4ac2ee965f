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

    /** Returned by {@link #take} when the producers are finished and the queue is empty. */
    static final Object END = new Object();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Object> items;
    private final int capacity;
    /** The last sequence number given to a frame event. */
    private long sequence;
    private long dropped;
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
        lock.lock();
        try {
            long seq = ++sequence;
            if (room(mode)) {
                add(new FrameEvent(seq, dir, time, mono, bytes, type, meta));
            }
            return seq;
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
            while (items.size() >= capacity && !closing) {
                notFull.await();
            }
        }
        if (mode == Mode.FORCE || items.size() < capacity) {
            return true;
        }
        dropped++;
        return false;
    }

    private void add(Object event) {
        items.addLast(event);
        notEmpty.signal();
    }

    /** The next event, {@link #END} when finished and empty, or null after waiting {@code nanos}. */
    Object take(long nanos) throws InterruptedException {
        lock.lock();
        try {
            while (items.isEmpty()) {
                if (finished) {
                    return END;
                }
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            Object e = items.pollFirst();
            notFull.signal();
            return e;
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

    /** No more events will come: the consumer gets {@link #END} once the queue is empty. */
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
