package org.streamframer.app.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.streamframer.app.ui.Dispatcher;

class BatcherTest {

    /** A UI side that only queues what it is asked to run, like Platform.runLater. */
    private static final class QueuedUi implements Dispatcher {
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public void background(Runnable task) {
            task.run();
        }

        @Override
        public synchronized void ui(Runnable task) {
            pending.add(task);
        }

        synchronized List<Runnable> take() {
            List<Runnable> out = new ArrayList<>(pending);
            pending.clear();
            return out;
        }
    }

    @Test
    void aFloodSchedulesOneDrainThatDeliversEverythingInOrder() {
        QueuedUi ui = new QueuedUi();
        List<List<Integer>> batches = new ArrayList<>();
        Batcher<Integer> b = new Batcher<>(ui, 1_000_000, batches::add);
        for (int i = 0; i < 10_000; i++) {
            b.offer(i);
        }
        List<Runnable> scheduled = ui.take();
        assertEquals(1, scheduled.size(), "at most one pending runLater");
        scheduled.get(0).run();
        assertEquals(1, batches.size());
        assertEquals(10_000, batches.get(0).size());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, batches.get(0).get(i));
        }
        assertEquals(0, b.queued());
    }

    @Test
    void anItemAfterADrainSchedulesTheNextOne() {
        QueuedUi ui = new QueuedUi();
        List<List<Integer>> batches = new ArrayList<>();
        Batcher<Integer> b = new Batcher<>(ui, 100, batches::add);
        b.offer(1);
        ui.take().get(0).run();
        b.offer(2);
        b.offer(3);
        List<Runnable> next = ui.take();
        assertEquals(1, next.size());
        next.get(0).run();
        assertEquals(List.of(List.of(1), List.of(2, 3)), batches);
        assertEquals(2, b.drainCount());
    }

    @Test
    void whenTheUiFallsBehindTheOldestAreDroppedAndCounted() {
        QueuedUi ui = new QueuedUi();
        List<List<Integer>> batches = new ArrayList<>();
        Batcher<Integer> b = new Batcher<>(ui, 100, batches::add);
        for (int i = 0; i < 250; i++) {
            b.offer(i);
        }
        assertEquals(150, b.droppedBeforeView());
        ui.take().get(0).run();
        assertEquals(100, batches.get(0).size());
        assertEquals(150, batches.get(0).get(0));
        assertEquals(249, batches.get(0).get(99));
    }

    @Test
    void concurrentProducersLoseNothingAndNeverHaveTwoDrainsPending() throws Exception {
        QueuedUi ui = new QueuedUi();
        List<Integer> got = new ArrayList<>();
        Batcher<Integer> b = new Batcher<>(ui, 1_000_000, got::addAll);
        int producers = 4;
        int each = 50_000;
        CountDownLatch done = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            int base = p * each;
            Thread t = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    b.offer(base + i);
                }
                done.countDown();
            }, "producer-" + p);
            t.start();
        }
        int maxPending = 0;
        while (!done.await(1, TimeUnit.MILLISECONDS) || !ui.pending.isEmpty()) {
            List<Runnable> r = ui.take();
            maxPending = Math.max(maxPending, r.size());
            r.forEach(Runnable::run);
        }
        ui.take().forEach(Runnable::run);
        assertTrue(maxPending <= 1, "pending drains: " + maxPending);
        assertEquals(producers * each, got.size());
        assertEquals(producers * each, got.stream().distinct().count());
    }
}
