package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.streamframer.framing.rules.Outcomes.b;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.RuleHarness;

class LineRuleTest {

    @Test
    void aCrEndingOneReadAndAnLfStartingTheNextMakeOneLineEnd() throws Exception {
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        LineRule rule = new LineRule(true, 64);
        buffer.append(b("abc\r"));
        assertNull(buffer.next(rule));
        buffer.append(b("\ndef\r"));
        try (Frame f = buffer.next(rule)) {
            assertEquals("abc", f.toString(StandardCharsets.ISO_8859_1), "no stray CR");
        }
        assertNull(buffer.next(rule), "no empty frame between the CR and the LF");
        buffer.append(b("\n"));
        try (Frame f = buffer.next(rule)) {
            assertEquals("def", f.toString(StandardCharsets.ISO_8859_1));
        }
        assertEquals(0, buffer.readable());
    }

    @Test
    void aLineOfExactlyTheMaximumWithItsCrInOneReadAndLfInTheNextIsDelivered() {
        // the CR awaiting its LF must not count towards the maximum
        var out = RuleHarness.feed(new LineRule(true, 4), b("1234\r\n"), 5, 1);
        assertEquals(List.of("1234"), Outcomes.text(out));
    }

    @Test
    void withoutCrStrippingTheCrStaysInTheLineAndCountsTowardsTheMaximum() {
        var out = RuleHarness.assertSplitInvariant(new LineRule(false, 4), b("123\r\n1234\r\nok\n"));
        assertEquals(List.of("123\r", "!FrameTooLongException", "ok"), Outcomes.text(out));
    }
}
