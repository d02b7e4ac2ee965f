package org.streamframer.app.plot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deterministic {@link PollScheduler} with its own fake clock: {@link #advance(Duration)}
 * moves time forward and runs, in time order, every tick that falls due, with the clock set
 * to the tick's due time while it runs.
 */
final class ManualScheduler implements PollScheduler {

    private final class Entry {
        final Duration period;
        final Runnable tick;
        Instant due;
        boolean cancelled;

        Entry(Duration period, Runnable tick) {
            this.period = period;
            this.tick = tick;
            this.due = now.plus(period);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private Instant now;

    ManualScheduler(Instant start) {
        this.now = start;
    }

    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Override
    public Cancellable scheduleAtFixedRate(Duration period, Runnable tick) {
        Entry e = new Entry(period, tick);
        entries.add(e);
        return () -> e.cancelled = true;
    }

    Instant now() {
        return now;
    }

    /** Number of live (not cancelled) schedules. */
    long active() {
        return entries.stream().filter(e -> !e.cancelled).count();
    }

    void advance(Duration d) {
        Instant end = now.plus(d);
        while (true) {
            Entry next = entries.stream().filter(e -> !e.cancelled && !e.due.isAfter(end))
                    .min(Comparator.comparing(e -> e.due)).orElse(null);
            if (next == null) {
                break;
            }
            now = next.due;
            next.due = next.due.plus(next.period);
            next.tick.run();
        }
        now = end;
    }
}
