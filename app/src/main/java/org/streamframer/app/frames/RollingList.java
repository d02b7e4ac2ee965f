package org.streamframer.app.frames;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.ObservableListBase;

/**
 * A read-only observable list whose only change is "drop n from the front, append these", made
 * as ONE change event: a virtualized table then re-lays itself out once per batch instead of
 * once for the removal and once for the addition. Backed by an array list; FX thread only.
 *
 * @param <T> the item type
 */
final class RollingList<T> extends ObservableListBase<T> {

    private final ArrayList<T> items = new ArrayList<>();

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** Removes the first {@code drop} items and appends {@code add}, as one change. */
    void roll(int drop, List<T> add) {
        if (drop < 0 || drop > items.size()) {
            throw new IndexOutOfBoundsException("drop " + drop + " of " + items.size());
        }
        if (drop == 0 && add.isEmpty()) {
            return;
        }
        beginChange();
        try {
            if (drop > 0) {
                List<T> removed = new ArrayList<>(items.subList(0, drop));
                items.subList(0, drop).clear();
                nextRemove(0, removed);
            }
            int from = items.size();
            items.addAll(add);
            if (!add.isEmpty()) {
                nextAdd(from, items.size());
            }
        } finally {
            endChange();
        }
    }

    /** Removes everything, as one change. */
    void removeAll() {
        roll(items.size(), List.of());
    }
}
