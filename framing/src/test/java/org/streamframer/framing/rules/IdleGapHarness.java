package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

import org.streamframer.framing.BufferFullException;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.RuleHarness;
import org.streamframer.framing.RuleHarness.Outcome;

/**
 * The split-anywhere harness for time-based rules, where when bytes arrive is part of the input.
 * A timeline is a list of bursts (bytes that leave the sender together, at a time); the harness
 * delivers each burst whole, split at every point, one byte at a time and in random pieces, the
 * pieces spread over at most {@code spread} nanoseconds after the burst's time, with the reader
 * asking again (a read timed out) at random extra moments. A rule must give the same outcome for
 * all of them, provided the timeline keeps bursts of one frame closer than the gap and bursts of
 * different frames at least the gap plus {@code spread} apart.
 */
final class IdleGapHarness {

    private IdleGapHarness() {
    }

    /** Bytes that arrive together at {@code atNanos}. */
    record Burst(long atNanos, byte[] bytes) {
    }

    /** At {@code atNanos}: a fill, or (bytes null) the reader asking again after a read timed out. */
    record Event(long atNanos, byte[] bytes) {
        static Event poll(long atNanos) {
            return new Event(atNanos, null);
        }
    }

    /** What a run gave: the outcome, and the most bytes the buffer held after framing. */
    record Run(List<Outcome> outcomes, int peakHeld) {
    }

    /** A clock the test sets. */
    static final class FakeClock implements LongSupplier {
        long now;

        @Override
        public long getAsLong() {
            return now;
        }
    }

    /** Runs the events in time order, then asks once more a gap after the last. */
    static Run run(FrameRule rule, List<Event> events) {
        FakeClock clock = new FakeClock();
        FrameBuffer buffer = new FrameBuffer(16, 64 * 1024 * 1024, clock);
        List<Outcome> out = new ArrayList<>();
        int peak = 0;
        for (Event e : events) {
            if (e.atNanos() < clock.now) {
                throw new IllegalArgumentException("time goes back: " + e.atNanos() + " after " + clock.now);
            }
            clock.now = e.atNanos();
            if (e.bytes() != null) {
                try {
                    buffer.append(e.bytes());
                } catch (BufferFullException x) {
                    throw new AssertionError(x);
                }
            }
            RuleHarness.drain(buffer, rule, out);
            peak = Math.max(peak, buffer.readable());
        }
        clock.now += rule.idleTimeoutNanos();
        RuleHarness.drain(buffer, rule, out);
        return new Run(out, peak);
    }

    /** Each burst one fill at its time. */
    static List<Event> whole(List<Burst> bursts) {
        List<Event> events = new ArrayList<>();
        for (Burst b : bursts) {
            events.add(new Event(b.atNanos(), b.bytes()));
        }
        return events;
    }

    /** The burst holding byte {@code split} of the whole stream is cut there, its second part {@code spread} later. */
    static List<Event> splitAt(List<Burst> bursts, int split, long spread) {
        List<Event> events = new ArrayList<>();
        int pos = 0;
        for (Burst b : bursts) {
            int cut = split - pos;
            if (cut > 0 && cut < b.bytes().length) {
                events.add(new Event(b.atNanos(), Arrays.copyOf(b.bytes(), cut)));
                events.add(new Event(b.atNanos() + spread, Arrays.copyOfRange(b.bytes(), cut, b.bytes().length)));
            } else {
                events.add(new Event(b.atNanos(), b.bytes()));
            }
            pos += b.bytes().length;
        }
        return events;
    }

    /** Every byte its own fill, a burst's bytes spread evenly over {@code spread}. */
    static List<Event> oneByteAtATime(List<Burst> bursts, long spread) {
        List<Event> events = new ArrayList<>();
        for (Burst b : bursts) {
            int n = b.bytes().length;
            for (int j = 0; j < n; j++) {
                events.add(new Event(b.atNanos() + (n == 1 ? 0 : spread * j / (n - 1)), new byte[] {b.bytes()[j]}));
            }
        }
        return events;
    }

    /** Bursts in random pieces at random times within {@code spread}, and polls at random moments. */
    static List<Event> random(List<Burst> bursts, long spread, long seed) {
        Random random = new Random(seed);
        List<Event> fills = new ArrayList<>();
        for (Burst b : bursts) {
            long t = b.atNanos();
            long latest = b.atNanos() + spread;
            for (int pos = 0; pos < b.bytes().length; ) {
                int n = Math.min(1 + random.nextInt(8), b.bytes().length - pos);
                fills.add(new Event(t, Arrays.copyOfRange(b.bytes(), pos, pos + n)));
                pos += n;
                t += (long) (random.nextDouble() * (latest - t));
            }
        }
        List<Event> events = new ArrayList<>();
        long previous = 0;
        for (Event fill : fills) {
            while (random.nextInt(3) == 0) {
                long at = previous + (long) (random.nextDouble() * (fill.atNanos() - previous));
                events.add(Event.poll(at));
                previous = at;
            }
            events.add(fill);
            previous = fill.atNanos();
        }
        return events;
    }

    /**
     * Asserts the outcome is the same for the whole bursts, every split point, one byte at a time
     * and {@code randomCases} random deliveries with polls; returns it.
     */
    static Run assertSplitInvariant(FrameRule rule, List<Burst> bursts, long spread, int randomCases) {
        Run expected = run(rule, whole(bursts));
        int total = bursts.stream().mapToInt(b -> b.bytes().length).sum();
        for (int split = 1; split < total; split++) {
            assertEquals(expected.outcomes(), run(rule, splitAt(bursts, split, spread)).outcomes(), "split at " + split);
        }
        assertEquals(expected.outcomes(), run(rule, oneByteAtATime(bursts, spread)).outcomes(), "one byte at a time");
        for (int seed = 0; seed < randomCases; seed++) {
            assertEquals(expected.outcomes(), run(rule, random(bursts, spread, seed)).outcomes(), "random, seed " + seed);
        }
        return expected;
    }
}
