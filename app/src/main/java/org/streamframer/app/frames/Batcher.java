package org.streamframer.app.frames;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.streamframer.app.ui.Dispatcher;

/**
 * Carries items from a producer thread (the reader's delivery thread) to the FX thread in
 * batches. {@link #offer} only queues; it schedules a drain on the UI side only when none is
 * pending ({@link AtomicBoolean#getAndSet}), so however fast items arrive there is at most ONE
 * pending {@code Platform.runLater}, and each drain hands the sink everything queued so far.
 *
 * <p>Drains are paced by what they cost: after a drain that kept the FX thread busy for
 * {@code t}, the next one waits until {@code PACE_FACTOR * t} has passed (at most
 * {@link #MAX_PACE_MILLIS}). A trickle of frames shows at once; under a flood, where each table
 * update costs more, the table updates a few times a second and the FX thread stays free for the
 * user. Still at most one drain is pending (scheduled or queued) at a time.
 *
 * <p>If the UI falls so far behind that more than {@code maxQueued} items wait, the oldest are
 * dropped here (counted in {@link #droppedBeforeView()}) so memory stays bounded; the view
 * keeps the newest anyway.
 *
 * @param <T> the item type
 */
public final class Batcher<T> {

    private final Dispatcher dispatcher;
    private final Consumer<List<T>> sink;
    private final int maxQueued;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong drains = new AtomicLong();
    /** System.nanoTime() before which the next drain should not run. */
    private volatile long nextDrainNanos;

    /** The next drain waits this many times as long as the last one took. */
    static final int PACE_FACTOR = 4;
    /** The longest pause between drains. */
    static final long MAX_PACE_MILLIS = 500;

    /**
     * @param dispatcher where {@code sink} runs ({@link Dispatcher#ui})
     * @param maxQueued  the most items waiting for the UI before the oldest are dropped
     * @param sink       receives each batch, in arrival order, on the UI thread
     */
    public Batcher(Dispatcher dispatcher, int maxQueued, Consumer<List<T>> sink) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (maxQueued < 1) {
            throw new IllegalArgumentException("maxQueued < 1: " + maxQueued);
        }
        this.maxQueued = maxQueued;
    }

    /** Queues {@code item}; any thread. Never blocks. */
    public void offer(T item) {
        queue.add(item);
        if (queued.incrementAndGet() > maxQueued && queue.poll() != null) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
        }
        if (!pending.getAndSet(true)) {
            long waitMillis = (nextDrainNanos - System.nanoTime()) / 1_000_000L;
            if (waitMillis > 0) {
                dispatcher.uiAfter(waitMillis, this::drain);
            } else {
                dispatcher.ui(this::drain);
            }
        }
    }

    /** Items dropped because the UI was more than {@code maxQueued} behind. */
    public long droppedBeforeView() {
        return dropped.get();
    }

    /** How many batches were handed to the sink. */
    public long drainCount() {
        return drains.get();
    }

    /** Items waiting for the next drain. */
    public int queued() {
        return Math.max(0, queued.get());
    }

    private void drain() {
        // cleared first: an item offered while we drain schedules the next drain
        pending.set(false);
        int n = queued.get();
        List<T> batch = new ArrayList<>(Math.max(16, n));
        T item;
        while ((item = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            drains.incrementAndGet();
            long t0 = System.nanoTime();
            sink.accept(batch);
            long cost = System.nanoTime() - t0;
            nextDrainNanos = System.nanoTime() + Math.min(cost * PACE_FACTOR, MAX_PACE_MILLIS * 1_000_000L);
        }
    }
}
