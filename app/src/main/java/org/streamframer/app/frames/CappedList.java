package org.streamframer.app.frames;

import java.util.List;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableList;

/**
 * An observable list that holds at most {@code cap} items: appending past the cap removes the
 * oldest (and a twentieth of the cap more, see {@link #append}) and counts them in
 * {@link #droppedProperty()}. Each append is one change to the list
 * (a removal and an addition together, see {@link RollingList}). FX thread; read-only to others.
 *
 * @param <T> the item type
 */
public final class CappedList<T> {

    private final RollingList<T> items = new RollingList<>();
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
            items.roll(excess, List.of());
            dropped.set(dropped.get() + excess);
        }
    }

    /**
     * Appends {@code batch}, dropping the oldest items beyond the cap. When the cap is reached the
     * list is trimmed a little further (a twentieth of the cap), so that under a steady flood the
     * front of the list is cut every few thousand items rather than on every batch: removing from
     * the front costs the table and its listeners work proportional to the list.
     */
    public void append(List<T> batch) {
        List<T> add = batch;
        long lost = 0;
        if (add.size() > cap) {
            lost += add.size() - cap;
            add = add.subList(add.size() - cap, add.size());
        }
        int excess = 0;
        if (items.size() + add.size() > cap) {
            int keep = Math.max(0, Math.min(items.size(), cap - add.size() - slack()));
            excess = items.size() - keep;
            lost += excess;
        }
        items.roll(excess, add);
        if (lost > 0) {
            dropped.set(dropped.get() + lost);
        }
    }

    private int slack() {
        return cap / 20;
    }

    /** Empties the list and resets the dropped count. */
    public void clear() {
        items.removeAll();
        dropped.set(0);
    }
}
