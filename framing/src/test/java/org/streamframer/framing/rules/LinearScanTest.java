package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.streamframer.framing.rules.Outcomes.b;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.ScanResult;

/**
 * A 4 MiB frame arriving in 8 KiB reads: the resume positions keep scanning linear, so the
 * bytes the rule is given to examine (from its resume position to the buffered end, summed
 * over every call) stay within twice the input. A rule that rescanned from the frame's start
 * would be given about 1 GiB here.
 */
class LinearScanTest {

    private static final int SIZE = 4 * 1024 * 1024;
    private static final int READ = 8 * 1024;
    private static final int MAX = SIZE + 16;

    /** Delegates to the real rule and sums what each call may examine: [from, end). */
    static final class CountingRule implements FrameRule {
        final FrameRule real;
        long examined;
        long calls;

        CountingRule(FrameRule real) {
            this.real = real;
        }

        @Override
        public void scan(FrameBuffer buffer, int from, ScanResult out) {
            calls++;
            examined += Math.max(0, buffer.end() - from);
            real.scan(buffer, from, out);
        }

        @Override
        public int maxFrameLength() {
            return real.maxFrameLength();
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(new LineRule(true, MAX), "\r\n"),
                Arguments.of(new LineRule(false, MAX), "\n"),
                Arguments.of(new EotRule(EotRule.EOT, true, MAX, false), "\4"),
                Arguments.of(new DelimiterRule(b("\r\n"), true, MAX), "\r\n"),
                Arguments.of(new DelimiterRule(new byte[][] {b("\r\n"), b("END"), b(";")}, true, MAX, false), "END"),
                Arguments.of(new LengthFieldRule(0, 4, java.nio.ByteOrder.BIG_ENDIAN, 0, 4, MAX), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aFourMebibyteFrameInEightKibibyteReadsIsExaminedAboutOnce(FrameRule rule, String end) throws Exception {
        byte[] input = new byte[SIZE];
        // text with CRs, 'E's and 'N's sprinkled in, so the delimiter rules see near-misses
        for (int i = 0; i < SIZE; i++) {
            input[i] = (byte) (i % 97 == 0 ? '\r' : i % 89 == 0 ? 'E' : i % 83 == 0 ? 'N' : 'a' + i % 23);
        }
        if (end != null) {
            byte[] e = b(end);
            System.arraycopy(e, 0, input, SIZE - e.length, e.length);
        } else {
            input[0] = (byte) ((SIZE - 4) >>> 24);
            input[1] = (byte) ((SIZE - 4) >>> 16);
            input[2] = (byte) ((SIZE - 4) >>> 8);
            input[3] = (byte) (SIZE - 4);
        }
        CountingRule counting = new CountingRule(rule);
        FrameBuffer buffer = new FrameBuffer(8 * 1024, 2 * SIZE);
        int frames = 0;
        for (int pos = 0; pos < SIZE; pos += READ) {
            buffer.append(input, pos, Math.min(READ, SIZE - pos));
            if (buffer.advance(counting)) {
                frames++;
                buffer.consumeFrame();
            }
        }
        assertEquals(1, frames);
        double ratio = (double) counting.examined / SIZE;
        System.out.printf("%s: %d bytes examined for %d bytes in %d calls (%.4f per byte)%n",
                rule, counting.examined, SIZE, counting.calls, ratio);
        assertTrue(counting.examined <= 2L * SIZE, rule + " examined " + counting.examined + " bytes for " + SIZE);
        assertTrue(counting.calls <= SIZE / READ + 1, counting.calls + " calls");
    }

    @org.junit.jupiter.api.Test
    void theCounterShowsARuleThatResumesAtTheFrameStartAsQuadratic() throws Exception {
        // finds the LF correctly, but answers needMore(start): every call rescans the whole frame
        FrameRule lazy = new FrameRule() {
            @Override
            public void scan(FrameBuffer buffer, int from, ScanResult out) {
                int lf = ByteSearch.indexOf(buffer.array(), from, buffer.end(), (byte) '\n');
                if (lf < 0) {
                    out.needMore(from);
                } else {
                    out.frame(buffer.start(), lf, lf + 1);
                }
            }

            @Override
            public int maxFrameLength() {
                return MAX;
            }
        };
        CountingRule counting = new CountingRule(lazy);
        FrameBuffer buffer = new FrameBuffer(8 * 1024, 2 * SIZE);
        byte[] chunk = new byte[READ];
        Arrays.fill(chunk, (byte) 'a');
        int reads = 64;
        for (int i = 0; i < reads; i++) {
            buffer.append(chunk);
            buffer.advance(counting);
        }
        assertEquals((long) READ * reads * (reads + 1) / 2, counting.examined);
        assertTrue(counting.examined > 2L * reads * READ);
    }
}
