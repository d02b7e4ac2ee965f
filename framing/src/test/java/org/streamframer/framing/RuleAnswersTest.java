package org.streamframer.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The answers rules give beyond frame/needMore: a scan state, a silent skip. */
class RuleAnswersTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Frames end at '\n'; leading '-' bytes are skipped; the state counts the calls of a frame. */
    private static final class StatefulRule implements FrameRule {
        final List<Integer> statesSeen = new ArrayList<>();

        @Override
        public void scan(FrameBuffer buffer, int from, ScanResult out) {
            byte[] a = buffer.array();
            statesSeen.add(buffer.scanState());
            int start = buffer.start();
            if (from == start && start < buffer.end() && a[start] == '-') {
                int k = start;
                while (k < buffer.end() && a[k] == '-') {
                    k++;
                }
                out.skip(k);
                return;
            }
            for (int i = from; i < buffer.end(); i++) {
                if (a[i] == '\n') {
                    out.frame(start, i, i + 1);
                    return;
                }
            }
            out.needMore(buffer.end(), buffer.scanState() + 1);
        }

        @Override
        public int maxFrameLength() {
            return 100;
        }
    }

    @Test
    void theStateOfANeedMoreComesBackAtTheResumeAndIsZeroForTheNextFrame() throws Exception {
        StatefulRule rule = new StatefulRule();
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        for (String chunk : new String[] {"a", "b", "c\nd", "\n"}) {
            buffer.append(b(chunk));
            Frame f;
            while ((f = buffer.next(rule)) != null) {
                f.consume();
            }
        }
        // "a": 0 -> 1, "b": 1 -> 2, "c\nd": 2 (frame), then "d" starts over: 0 -> 1, "\n": 1 (frame), empty: 0
        assertEquals(List.of(0, 1, 2, 0, 1, 0), rule.statesSeen);
    }

    @Test
    void skippedBytesAreDroppedSilently() throws Exception {
        StatefulRule rule = new StatefulRule();
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(b("---ab\n--"));
        try (Frame f = buffer.next(rule)) {
            assertEquals("ab", f.toString(StandardCharsets.ISO_8859_1));
        }
        assertNull(buffer.next(rule));
        assertEquals(0, buffer.readable());
    }

    @Test
    void aSkipOutsideTheBufferedBytesIsRefused() throws Exception {
        FrameRule bad = new FrameRule() {
            @Override
            public void scan(FrameBuffer buffer, int from, ScanResult out) {
                out.skip(buffer.end() + 1);
            }

            @Override
            public int maxFrameLength() {
                return 10;
            }
        };
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(b("xy"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> buffer.next(bad));
        assertTrue(e.getMessage().contains("skip(3) outside the buffered bytes (0, 2]"), e.getMessage());
    }
}
