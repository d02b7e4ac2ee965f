package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.streamframer.framing.rules.Outcomes.b;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.FrameTooLongException;

/**
 * An over-long frame of 100 000 bytes against a maximum of 16, fed in 64-byte reads: one error,
 * the buffer stays small while the bytes are discarded, and the next frame arrives intact.
 */
class OversizeTest {

    private static final int MAX = 16;
    private static final int HUGE = 100_000;
    private static final int READ = 64;

    static Stream<Arguments> rules() {
        byte[][] two = {b("\r\n"), b(";")};
        return Stream.of(
                Arguments.of(new LineRule(true, MAX), "\r\n"),
                Arguments.of(new LineRule(true, MAX, true), "\r\n"),
                Arguments.of(new LineRule(false, MAX), "\n"),
                Arguments.of(new EotRule(EotRule.EOT, true, MAX, false), "\4"),
                Arguments.of(new EotRule(EotRule.EOT, true, MAX, true), "\4"),
                Arguments.of(new DelimiterRule(b("\r"), true, MAX), "\r"),
                Arguments.of(new DelimiterRule(b("\r\n"), true, MAX), "\r\n"),
                Arguments.of(new DelimiterRule(new byte[][] {b("\r\n")}, true, MAX, true), "\r\n"),
                Arguments.of(new DelimiterRule(two, true, MAX, false), ";"),
                Arguments.of(new DelimiterRule(two, true, MAX, true), "\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void anOverlongFrameIsReportedOnceInBoundedMemoryAndTheNextFrameIsIntact(FrameRule rule, String end)
            throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(b("first" + end));
        byte[] huge = new byte[HUGE];
        Arrays.fill(huge, (byte) 'x');
        stream.writeBytes(huge);
        int hugeEnds = stream.size();
        stream.writeBytes(b(end + "next" + end));
        byte[] input = stream.toByteArray();

        FrameBuffer buffer = new FrameBuffer(16, 1024 * 1024);
        List<String> frames = new ArrayList<>();
        List<FrameTooLongException> errors = new ArrayList<>();
        int errorAt = -1;
        int maxCapacity = 0;
        for (int pos = 0; pos < input.length; pos += READ) {
            buffer.append(input, pos, Math.min(READ, input.length - pos));
            while (true) {
                try (Frame f = buffer.next(rule)) {
                    if (f == null) {
                        break;
                    }
                    frames.add(f.toString(StandardCharsets.ISO_8859_1));
                } catch (FrameTooLongException e) {
                    errors.add(e);
                    errorAt = pos;
                }
            }
            maxCapacity = Math.max(maxCapacity, buffer.capacity());
        }

        assertEquals(List.of("first", "next"), frames);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(maxCapacity <= 4 * READ, "buffer grew to " + maxCapacity + " bytes while discarding");
        FrameTooLongException e = errors.get(0);
        assertEquals(MAX, e.maxFrameLength());
        if (rule.failFast()) {
            assertTrue(errorAt < MAX + READ + 16, "fail fast reported at byte " + errorAt);
            assertFalse(e.lengthKnown());
            assertTrue(e.getMessage().startsWith("frame length (over "), e.getMessage());
        } else {
            assertTrue(errorAt + READ > hugeEnds, "reported at byte " + errorAt + " before the end at " + hugeEnds);
            assertTrue(e.lengthKnown());
            assertEquals(HUGE, e.frameLength());
            assertEquals("frame length (" + HUGE + ") exceeds the allowed maximum (" + MAX + ")", e.getMessage());
        }
    }
}
