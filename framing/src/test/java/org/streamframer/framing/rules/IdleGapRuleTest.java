package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameTooLongException;
import org.streamframer.framing.RuleHarness.Outcome;
import org.streamframer.framing.rules.IdleGapHarness.Burst;
import org.streamframer.framing.rules.IdleGapHarness.Event;
import org.streamframer.framing.rules.IdleGapHarness.FakeClock;
import org.streamframer.framing.rules.IdleGapHarness.Run;

class IdleGapRuleTest {

    private static final long MS = 1_000_000;
    private static final IdleGapRule RULE = new IdleGapRule(Duration.ofMillis(4), 256);

    static byte[] hex(String s) {
        return HexFormat.ofDelimiter(" ").parseHex(s);
    }

    static List<String> frames(Run run) {
        return run.outcomes().stream()
                .map(o -> o.isFrame() ? HexFormat.ofDelimiter(" ").formatHex(o.bytes()) : "!" + o.error())
                .toList();
    }

    // ------------------------------------------------------------------ the gap

    @Test
    void theGapIsThreeAndAHalfElevenBitCharactersUpTo19200Baud() {
        assertEquals(4_010_417, IdleGapRule.gapNanosForBaud(9600)); // 38.5 bits / 9600 = 4.0104166 ms
        assertEquals(2_005_209, IdleGapRule.gapNanosForBaud(19_200));
        assertEquals(32_083_334, IdleGapRule.gapNanosForBaud(1200));
        assertEquals(38_500_000_000L, IdleGapRule.gapNanosForBaud(1));
    }

    @Test
    void theGapIsAFixedOnePointSevenFiveMillisecondsAbove19200Baud() {
        assertEquals(1_750_000, IdleGapRule.gapNanosForBaud(19_201));
        assertEquals(1_750_000, IdleGapRule.gapNanosForBaud(115_200));
        IdleGapRule rule = IdleGapRule.forBaud(38_400, 256);
        assertEquals(Duration.ofNanos(1_750_000), rule.gap());
        assertEquals(1_750_000, rule.idleTimeoutNanos());
        assertEquals(256, rule.maxFrameLength());
        assertEquals(Duration.ofNanos(4_010_417), IdleGapRule.forBaud(9600, 10).gap());
    }

    // ------------------------------------------------------------------ when frames end

    @Test
    void aGapBetweenTwoFillsEndsTheFrameThereWithoutTheReaderAskingAgain() throws Exception {
        FakeClock clock = new FakeClock();
        FrameBuffer buffer = new FrameBuffer(16, 1024, clock);
        buffer.append(hex("01 03"));
        assertNull(buffer.next(RULE));
        clock.now = 3 * MS;
        buffer.append(hex("00 0a"));
        assertNull(buffer.next(RULE));
        clock.now = 7 * MS; // exactly the gap after the last fill
        buffer.append(hex("02"));
        assertArrayEquals(hex("01 03 00 0a"), buffer.next(RULE).bytes());
    }

    @Test
    void aGapSinceTheLastFillEndsTheFrameWhenTheReaderAsksAgain() throws Exception {
        FakeClock clock = new FakeClock();
        FrameBuffer buffer = new FrameBuffer(16, 1024, clock);
        clock.now = 100 * MS;
        buffer.append(hex("11 22 33"));
        clock.now += 4 * MS - 1;
        assertNull(buffer.next(RULE));
        clock.now += 1;
        try (var f = buffer.next(RULE)) {
            assertArrayEquals(hex("11 22 33"), f.bytes());
        }
        clock.now += 50 * MS;
        assertNull(buffer.next(RULE), "nothing buffered, nothing to deliver");
    }

    @Test
    void aModbusExchangeAtRealCharacterTimingGivesRequestAndResponse() {
        long charNanos = 11 * 1_000_000_000L / 9600; // 1.146 ms a character at 9600 baud
        IdleGapRule rule = IdleGapRule.forBaud(9600, 256);
        byte[] request = hex("01 03 00 00 00 0a c5 cd");
        byte[] response = hex("01 03 14 00 01 00 02 00 03 00 04 00 05 00 06 00 07 00 08 00 09 00 0a 5e 2b");
        List<Event> events = new ArrayList<>();
        long t = 0;
        for (byte x : request) {
            events.add(new Event(t, new byte[] {x}));
            t += charNanos;
        }
        t += 20 * MS; // the device thinks
        for (byte x : response) {
            events.add(new Event(t, new byte[] {x}));
            t += charNanos + 2 * MS; // late characters, still under 3.5 character times apart
        }
        assertEquals(List.of(HexFormat.ofDelimiter(" ").formatHex(request), HexFormat.ofDelimiter(" ").formatHex(response)),
                frames(IdleGapHarness.run(rule, events)));
    }

    @Test
    void aSilenceJustUnderTheGapDoesNotEndTheFrame() {
        List<Event> events = List.of(new Event(0, hex("01")), new Event(4 * MS - 1, hex("02")),
                new Event(8 * MS - 2, hex("03")), Event.poll(12 * MS - 4), new Event(12 * MS - 3, hex("04")));
        assertEquals(List.of("01 02 03 04"), frames(IdleGapHarness.run(RULE, events)));
    }

    // ------------------------------------------------------------------ split anywhere, in time

    /** Frames of one to four bursts; bursts of a frame under the gap apart, frames the gap plus the spread apart. */
    static List<Burst> timeline(Random random, long gap, long spread, int frameCount, int maxBurst,
                                List<byte[]> framesOut) {
        List<Burst> bursts = new ArrayList<>();
        long t = random.nextInt(1000);
        for (int f = 0; f < frameCount; f++) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            int burstCount = 1 + random.nextInt(4);
            for (int k = 0; k < burstCount; k++) {
                byte[] bytes = new byte[1 + random.nextInt(maxBurst)];
                random.nextBytes(bytes);
                bursts.add(new Burst(t, bytes));
                frame.writeBytes(bytes);
                t += k + 1 < burstCount ? spread + (long) (random.nextDouble() * (gap - spread - 1)) : 0;
            }
            framesOut.add(frame.toByteArray());
            t += gap + spread + (long) (random.nextDouble() * 2 * gap);
        }
        return bursts;
    }

    @Test
    void framesDependOnlyOnTheSilencesNotOnHowBurstsAreReadOrWhenTheReaderAsks() {
        long gap = 4 * MS;
        long spread = gap / 4;
        for (long seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            int max = 10 + random.nextInt(60);
            IdleGapRule rule = new IdleGapRule(Duration.ofNanos(gap), max);
            List<byte[]> sent = new ArrayList<>();
            List<Burst> bursts = timeline(random, gap, spread, 1 + random.nextInt(6), 20, sent);
            Run run = IdleGapHarness.assertSplitInvariant(rule, bursts, spread, 30);
            List<Outcome> expected = new ArrayList<>();
            for (byte[] frame : sent) {
                expected.add(frame.length <= max ? new Outcome(HexFormat.of().formatHex(frame), 0, null)
                        : new Outcome(null, -1, "FrameTooLongException"));
            }
            assertEquals(expected, run.outcomes(), "seed " + seed);
        }
    }

    // ------------------------------------------------------------------ too long

    @Test
    void anOverlongFrameIsReportedAtItsGapWithoutBeingHeldAndTheNextFrameFollows() throws Exception {
        FakeClock clock = new FakeClock();
        FrameBuffer buffer = new FrameBuffer(16, 1 << 20, clock);
        IdleGapRule rule = new IdleGapRule(Duration.ofMillis(4), 100);
        byte[] chunk = new byte[1000];
        for (int k = 0; k < 200; k++) {
            clock.now += MS;
            buffer.append(chunk);
            assertNull(buffer.next(rule));
            assertTrue(buffer.readable() <= 1000, "held " + buffer.readable());
        }
        assertTrue(buffer.capacity() <= 4096, "capacity " + buffer.capacity());
        clock.now += 10 * MS;
        buffer.append(hex("42 43"));
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> buffer.next(rule));
        assertEquals(200_000, e.frameLength());
        assertNull(buffer.next(rule));
        clock.now += 4 * MS;
        assertArrayEquals(hex("42 43"), buffer.next(rule).bytes());
    }

    @Test
    void randomTimelinesGiveOnlyTooLongErrorsAndHoldAtMostTheMaximumAndOneFill() {
        long gap = 2 * MS;
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            int max = 1 + random.nextInt(40);
            IdleGapRule rule = new IdleGapRule(Duration.ofNanos(gap), max);
            List<Event> events = new ArrayList<>();
            long t = 0;
            int largestFill = 0;
            for (int k = random.nextInt(60); k > 0; k--) {
                t += (long) (random.nextDouble() * 2 * gap);
                if (random.nextInt(4) == 0) {
                    events.add(Event.poll(t));
                } else {
                    byte[] bytes = new byte[1 + random.nextInt(30)];
                    random.nextBytes(bytes);
                    largestFill = Math.max(largestFill, bytes.length);
                    events.add(new Event(t, bytes));
                }
            }
            Run run = IdleGapHarness.run(rule, events);
            for (Outcome o : run.outcomes()) {
                assertTrue(o.isFrame() || o.error().equals("FrameTooLongException"), "seed " + seed + ": " + o);
                assertTrue(!o.isFrame() || (o.bytes().length >= 1 && o.bytes().length <= max), "seed " + seed + ": " + o);
            }
            assertTrue(run.peakHeld() <= max + largestFill, "seed " + seed + ": held " + run.peakHeld());
        }
    }

    // ------------------------------------------------------------------ arguments

    @Test
    void argumentsAreValidatedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IdleGapRule(Duration.ZERO, 10));
        assertEquals("gap must be positive: PT0S", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new IdleGapRule(Duration.ofMillis(-1), 10));
        assertEquals("gap must be positive: PT-0.001S", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new IdleGapRule(Duration.ofMillis(1), 0));
        assertEquals("maxFrameLength < 1: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new IdleGapRule(Duration.ofSeconds(Long.MAX_VALUE), 10));
        assertTrue(e.getMessage().startsWith("gap too long to count in nanoseconds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> IdleGapRule.forBaud(0, 10));
        assertEquals("baud < 1: 0", e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class, () -> new IdleGapRule(null, 10));
        assertEquals("gap", npe.getMessage());
    }
}
