package org.streamframer.app.frames;

import java.util.List;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An observable list that holds at most {@code cap} items: appending past the cap removes the
 * oldest and counts them in {@link #droppedProperty()}. Each append is one change to the list
 * (a removal and an addition), which a virtualized table handles in constant work. FX thread.
 *
 * @param <T> the item type
 */
public final class CappedList<T> {

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped");
    private int cap;

    public CappedList(int cap) {
        setCap(cap);
    }

    // Properties

    public ObservableList<T> items() {
        return items;
    }

    /** How many older items were dropped from the list since the last {@link #clear()}. */
    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public int cap() {
        return cap;
    }

    // Commands

    /** Changes the cap; if the list is now over it, the oldest are dropped at once. */
    public void setCap(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap < 1: " + cap);
        }
        this.cap = cap;
        if (items.size() > cap) {
            int excess = items.size() - cap;
            items.remove(0, excess);
            dropped.set(dropped.get() + excess);
        }
    }

    /** Appends {@code batch}, dropping the oldest items beyond the cap. */
    public void append(List<T> batch) {
        List<T> add = batch;
        long lost = 0;
        if (add.size() > cap) {
            lost += add.size() - cap;
            add = add.subList(add.size() - cap, add.size());
        }
        int excess = items.size() + add.size() - cap;
        if (excess > 0) {
            items.remove(0, excess);
            lost += excess;
        }
        items.addAll(add);
        if (lost > 0) {
            dropped.set(dropped.get() + lost);
        }
    }

    /** Empties the list and resets the dropped count. */
    public void clear() {
        items.clear();
        dropped.set(0);
    }
}
