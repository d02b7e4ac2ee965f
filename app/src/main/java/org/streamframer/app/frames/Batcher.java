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
            dispatcher.ui(this::drain);
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
            sink.accept(batch);
        }
    }
}
