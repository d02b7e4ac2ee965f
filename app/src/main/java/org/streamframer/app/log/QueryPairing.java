package org.streamframer.app.log;

import java.util.ArrayDeque;
import java.util.Deque;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;

/**
 * Pairs SCPI queries with their answers by order, the way a SCPI instrument answers:
 * a TX frame whose program message contains {@code ?} (outside quoted strings) is a query
 * and gets a new id (1, 2, 3...); the next RX frame not yet paired gets the oldest
 * unanswered id. A TX frame without {@code ?} and an RX frame with no query waiting get
 * none. Not thread-safe: one instance per log, fed frames in order.
 *
 * <p>Known limit: one TX frame holding several queries on separate lines counts as one
 * query (one answer paired); compound queries joined by {@code ;} are answered on one line
 * and pair correctly.
 */
public final class QueryPairing {

    private final Deque<Long> waiting = new ArrayDeque<>();
    private long nextId = 1;

    /** The query id of {@code e}, or null. */
    public Long idFor(FrameEvent e) {
        if (e.direction() == Direction.TX) {
            if (isQuery(e.bytes())) {
                long id = nextId++;
                waiting.addLast(id);
                return id;
            }
            return null;
        }
        return waiting.pollFirst();
    }

    /** Forgets unanswered queries (after a reconnect, say). */
    public void reset() {
        waiting.clear();
    }

    static boolean isQuery(byte[] b) {
        boolean quoted = false;
        byte quote = 0;
        for (byte x : b) {
            if (quoted) {
                if (x == quote) {
                    quoted = false;
                }
            } else if (x == '"' || x == '\'') {
                quoted = true;
                quote = x;
            } else if (x == '?') {
                return true;
            }
        }
        return false;
    }
}
