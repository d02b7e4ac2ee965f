package org.streamframer.framing;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.rules.DelimiterRule;

class FrameBufferSmokeTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void framesAcrossReadsAndOversizeRecovery() throws Exception {
        FrameBuffer buf = new FrameBuffer(16, 1024);
        FrameRule rule = new DelimiterRule(b("\r\n"), true, 8);
        List<String> got = new ArrayList<>();
        int errors = 0;
        String input = "abc\r\ndef\r\n0123456789abcdef\r\nok\r\n";
        for (byte x : b(input)) {
            buf.append(new byte[] {x});
            while (true) {
                try {
                    Frame f = buf.next(rule);
                    if (f == null) break;
                    got.add(f.toString(StandardCharsets.ISO_8859_1));
                    f.consume();
                    assertThrows(IllegalStateException.class, f::length);
                    f.consume();
                } catch (FrameTooLongException e) {
                    errors++;
                }
            }
        }
        assertEquals(List.of("abc", "def", "ok"), got);
        assertEquals(1, errors);
        assertTrue(buf.capacity() <= 64, "capacity " + buf.capacity());
    }

    @Test
    void liveFrameBlocksCompaction() throws Exception {
        FrameBuffer buf = new FrameBuffer(8, 64);
        FrameRule rule = new DelimiterRule(b("\n"), true, 8);
        buf.append(b("ab\ncd"));
        Frame f = buf.next(rule);
        assertEquals(2, f.length());
        buf.append(b("e")); // fits at the end: allowed
        assertThrows(IllegalStateException.class, () -> buf.append(b("xyz")));
        assertEquals("ab", f.toString(StandardCharsets.ISO_8859_1));
        f.close();
        buf.append(b("\n"));
        try (Frame g = buf.next(rule)) {
            assertEquals("cde", g.toString(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void harnessSeesTheSameFramesHoweverSplit() {
        FrameRule rule = new DelimiterRule(b("\r\n"), true, 8);
        var out = RuleHarness.assertSplitInvariant(rule, b("abc\r\n\r\ndef\r\n0123456789abcdef\r\nok\r\n"));
        assertEquals(5, out.size(), out.toString());
        assertEquals("FrameTooLongException", out.get(3).error());
    }
}
