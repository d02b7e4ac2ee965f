package org.streamframer.app.command;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Commands sent, newest last, with shell-like Up/Down browsing. A command equal to the newest
 * is not stored twice; a command already further back moves to the end. At most {@code limit}
 * are kept. FX thread; persistence is the caller's ({@link CommandViewModel}).
 */
public final class CommandHistory {

    private final ObservableList<String> entries = FXCollections.observableArrayList();
    private final int limit;
    /** Browsing position: entries.size() means "below the newest" (the field being typed). */
    private int cursor;
    private String draft = "";

    public CommandHistory(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit < 1: " + limit);
        }
        this.limit = limit;
    }

    /** Oldest first. */
    public ObservableList<String> entries() {
        return entries;
    }

    /** Replaces the history (e.g. loaded from disk), keeping the newest {@code limit}. */
    public void setAll(List<String> loaded) {
        List<String> clean = new ArrayList<>();
        for (String s : loaded) {
            if (s != null && !s.isBlank()) {
                clean.remove(s);
                clean.add(s);
            }
        }
        entries.setAll(clean.subList(Math.max(0, clean.size() - limit), clean.size()));
        cursor = entries.size();
    }

    /** Records a sent command and resets browsing. */
    public void add(String command) {
        if (command == null || command.isBlank()) {
            return;
        }
        entries.remove(command);
        entries.add(command);
        if (entries.size() > limit) {
            entries.remove(0, entries.size() - limit);
        }
        cursor = entries.size();
        draft = "";
    }

    /**
     * One step back (Up). {@code current} is what the field holds, kept as the draft when
     * browsing starts so Down can return to it. Returns what the field should show.
     */
    public String previous(String current) {
        if (cursor == entries.size()) {
            draft = current == null ? "" : current;
        }
        if (cursor > 0) {
            cursor--;
        }
        return entries.isEmpty() ? draft : entries.get(cursor);
    }

    /** One step forward (Down); past the newest gives back the draft. */
    public String next() {
        if (cursor < entries.size()) {
            cursor++;
        }
        return cursor == entries.size() ? draft : entries.get(cursor);
    }
}
