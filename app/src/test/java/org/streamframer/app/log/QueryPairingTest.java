package org.streamframer.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;

class QueryPairingTest {

    private final QueryPairing p = new QueryPairing();

    private Long id(Direction d, String s) {
        return p.idFor(new FrameEvent(0, d, Instant.EPOCH, 0, s.getBytes(), 0, null));
    }

    @Test
    void queriesPairWithTheNextAnswersInOrder() {
        assertNull(id(Direction.RX, "unsolicited"));
        assertEquals(1L, id(Direction.TX, "*IDN?\n"));
        assertNull(id(Direction.TX, "*CLS\n"));
        assertEquals(2L, id(Direction.TX, "MEAS:VOLT?;*OPC?\n"));
        assertEquals(1L, id(Direction.RX, "ACME,1,2,3\n"));
        assertEquals(2L, id(Direction.RX, "+1.0E+00;1\n"));
        assertNull(id(Direction.RX, "extra"));
    }

    @Test
    void questionMarksInsideStringsAreNotQueries() {
        assertNull(id(Direction.TX, "DISP:TEXT \"ready?\"\n"));
        assertNull(id(Direction.TX, "DISP:TEXT 'what?'\n"));
        assertEquals(1L, id(Direction.TX, "DISP:TEXT \"x\";:DISP:TEXT?\n"));
    }

    @Test
    void resetForgetsUnansweredQueries() {
        assertEquals(1L, id(Direction.TX, "*IDN?\n"));
        p.reset();
        assertNull(id(Direction.RX, "answer from the new connection"));
        assertEquals(2L, id(Direction.TX, "*IDN?\n"));
    }
}
