package org.streamframer.app.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CappedListTest {

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void keepsTheNewestAndCountsTheDropped() {
        CappedList<Integer> l = new CappedList<>(5);
        l.append(range(0, 3));
        assertEquals(0, l.droppedProperty().get());
        l.append(range(3, 8));
        assertEquals(range(3, 8), l.items());
        assertEquals(3, l.droppedProperty().get());
    }

    @Test
    void aBatchLargerThanTheCapKeepsItsTail() {
        CappedList<Integer> l = new CappedList<>(4);
        l.append(range(0, 2));
        l.append(range(2, 12));
        assertEquals(range(8, 12), l.items());
        assertEquals(8, l.droppedProperty().get());
    }

    @Test
    void atTheCapItTrimsATwentiethMoreSoTheFrontIsCutRarely() {
        CappedList<Integer> l = new CappedList<>(1000);
        int[] changes = {0};
        l.items().addListener((javafx.collections.ListChangeListener<Integer>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    changes[0]++;
                }
            }
        });
        for (int i = 0; i < 5000; i += 10) {
            l.append(range(i, i + 10));
            assertTrue(l.items().size() <= 1000);
        }
        assertEquals(4999, l.items().get(l.items().size() - 1));
        assertEquals(5000 - l.items().size(), l.droppedProperty().get());
        assertTrue(changes[0] <= 5000 / 50, "front cut " + changes[0] + " times for 400 batches over the cap");
    }

    @Test
    void loweringTheCapDropsAtOnceAndClearResets() {
        CappedList<Integer> l = new CappedList<>(10);
        l.append(range(0, 10));
        l.setCap(3);
        assertEquals(range(7, 10), l.items());
        assertEquals(7, l.droppedProperty().get());
        l.clear();
        assertEquals(0, l.items().size());
        assertEquals(0, l.droppedProperty().get());
        assertThrows(IllegalArgumentException.class, () -> l.setCap(0));
    }
}
