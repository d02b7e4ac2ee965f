package org.streamframer.app.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's command set as data: each row is a header pattern ({@link ScpiPattern}) and
 * the handler that runs it. Looking a typed header up walks the rows; the first whose pattern
 * matches wins. Patterns are checked at construction, so a typo fails at start-up.
 */
final class ScpiCommandTable {

    /** Runs one command for one client. */
    @FunctionalInterface
    interface Handler {
        void handle(SimSession session, List<String> params, ResponseBuilder out) throws ScpiError;
    }

    record Entry(ScpiPattern pattern, Handler handler) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a row; {@code pattern} ends with '?' for a query. */
    ScpiCommandTable add(String pattern, Handler handler) {
        entries.add(new Entry(ScpiPattern.parse(pattern), handler));
        return this;
    }

    /** The row for the typed header, or null when no pattern matches (an undefined header). */
    Entry find(List<String> nodes, boolean query) {
        for (Entry e : entries) {
            if (e.pattern().matches(nodes, query)) {
                return e;
            }
        }
        return null;
    }
}
