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

    /** Runs one command whose header has numeric suffixes ({@code CHANnel<1-2>:SCALe}). */
    @FunctionalInterface
    interface NumberedHandler {
        /** @param suffixes the header's suffixes, in order, within the pattern's ranges */
        void handle(SimSession session, int[] suffixes, List<String> params, ResponseBuilder out) throws ScpiError;
    }

    record Entry(ScpiPattern pattern, NumberedHandler handler) {
    }

    /** A row and how the typed header matched it (its suffixes; whether they are in range). */
    record Found(Entry entry, ScpiPattern.Match match) {
        /** Runs the command; -114 when a suffix is out of range. */
        void run(SimSession session, List<String> params, ResponseBuilder out) throws ScpiError {
            if (!match.inRange()) {
                throw ScpiError.suffixOutOfRange();
            }
            entry.handler().handle(session, match.suffixes(), params, out);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a row; {@code pattern} ends with '?' for a query. */
    ScpiCommandTable add(String pattern, Handler handler) {
        return add(pattern, (NumberedHandler) (s, suffixes, p, out) -> handler.handle(s, p, out));
    }

    /** Adds a row whose pattern has numeric suffixes. */
    ScpiCommandTable add(String pattern, NumberedHandler handler) {
        entries.add(new Entry(ScpiPattern.parse(pattern), handler));
        return this;
    }

    /** The row for the typed header, or null when no pattern matches (an undefined header). */
    Found find(List<String> nodes, boolean query) {
        for (Entry e : entries) {
            ScpiPattern.Match m = e.pattern().match(nodes, query);
            if (m != null) {
                return new Found(e, m);
            }
        }
        return null;
    }
}
