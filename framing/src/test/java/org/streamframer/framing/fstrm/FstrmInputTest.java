package org.streamframer.framing.fstrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.streamframer.framing.fstrm.FstrmStreams.stream;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.CorruptFrameException;

/** The reading loop the handshakes share: control frames come decoded by the rule, once. */
class FstrmInputTest {
    private static final String DNSTAP = "protobuf:dnstap.Dnstap";

    /** Hands out the stream's bytes a few at a time, so frames span several reads. */
    private static FstrmInput input(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        return new FstrmInput(in, new FstrmRule());
    }

    @Test
    void theControlFrameIsTheOneTheRuleDecodedNotASecondDecoding() throws Exception {
        FstrmInput in = input(stream().control(ControlFrame.start(DNSTAP)).data("hello")
                .control(ControlFrame.stop()).bytes());
        assertTrue(in.next());
        assertTrue(in.isControl());
        ControlFrame start = in.control();
        assertEquals(ControlFrame.start(DNSTAP), start);
        assertSame(start, in.control(), "asking again decodes nothing: the same object");
        assertTrue(in.nextData(0));
        assertEquals("hello", StandardCharsets.US_ASCII.decode(in.payload()).toString());
        assertFalse(in.nextData(1), "STOP ends the data phase");
        assertEquals(ControlType.STOP, in.control().type());
        assertFalse(in.next());
    }

    @Test
    void expectReturnsTheDecodedControlFrameAndABadOneIsReportedByTheRule() throws Exception {
        FstrmInput in = input(stream().control(ControlFrame.ready(List.of(DNSTAP, "x")))
                .u32(0).u32(4).u32(9) // a control frame of unknown type 9
                .control(ControlFrame.finish()).bytes());
        assertEquals(List.of(DNSTAP, "x"), in.expect(ControlType.READY, null, "from the sender").contentTypes());
        CorruptFrameException e = assertThrows(CorruptFrameException.class, in::next);
        assertTrue(e.getMessage().startsWith("unknown control type 9"), e.getMessage());
        assertEquals(ControlType.FINISH, in.expect(ControlType.FINISH, null, "from the receiver").type());
    }
}
