package org.streamframer.app.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;

class RuleFactoryTest {

    @Test
    void everyPresetBuildsARuleWithItsDefaults() {
        for (RuleKind k : RuleKind.values()) {
            FrameRule r = RuleFactory.build(RuleSpec.defaults(k));
            assertNotNull(r, k.name());
        }
    }

    @Test
    void theBuiltRulesFrameWhatTheirNameSays() throws Exception {
        assertEquals("a", first(RuleKind.LF, "a\nb\n"));
        assertEquals("a", first(RuleKind.CRLF, "a\r\nb"));
        assertEquals("a", first(RuleKind.CR, "a\rb"));
        assertEquals("a", first(RuleKind.EOT, "a\u0004b"));
        assertEquals("#13a\nc", first(RuleKind.SCPI, "#13a\nc\nrest"), "the LF inside the block does not end it");
        RuleSpec custom = new RuleSpec(RuleKind.CUSTOM, 100, "\\x03", false, true, 0, 0, 2, false, 0, 0, 10, "LF");
        assertEquals("ab\u0003", frame(RuleFactory.build(custom), "ab\u0003cd"));
        RuleSpec fixed = RuleSpec.defaults(RuleKind.FIXED);
        assertEquals("0123456789abcdef", frame(RuleFactory.build(fixed), "0123456789abcdefXYZ"));
    }

    private static String first(RuleKind k, String input) throws Exception {
        return frame(RuleFactory.build(RuleSpec.defaults(k)), input);
    }

    private static String frame(FrameRule rule, String input) throws Exception {
        FrameBuffer b = new FrameBuffer();
        b.append(input.getBytes(StandardCharsets.ISO_8859_1));
        try (Frame f = b.next(rule)) {
            return f.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
