package org.streamframer.framing.reader;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A listener that keeps every event, in delivery order, and lets a test wait for them. */
public final class Recorder implements ReaderListener {
    private final List<Object> events = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @Override
    public synchronized void onFrame(FrameEvent e) {
        add(e);
    }

    @Override
    public synchronized void onError(ErrorEvent e) {
        add(e);
    }

    @Override
    public synchronized void onState(StateEvent e) {
        add(e);
    }

    private void add(Object e) {
        events.add(e);
        Thread t = Thread.currentThread();
        if (!threads.contains(t)) {
            threads.add(t);
        }
        notifyAll();
    }

    public synchronized List<Object> events() {
        return new ArrayList<>(events);
    }

    /** The threads that delivered events (should be exactly one). */
    public synchronized List<Thread> threads() {
        return new ArrayList<>(threads);
    }

    public synchronized List<FrameEvent> frames(Direction d) {
        List<FrameEvent> out = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof FrameEvent f && f.direction() == d) {
                out.add(f);
            }
        }
        return out;
    }

    public List<String> rxTexts() {
        List<String> out = new ArrayList<>();
        for (FrameEvent f : frames(Direction.RX)) {
            out.add(new String(f.bytes(), StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    public synchronized List<ErrorEvent> errors() {
        List<ErrorEvent> out = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof ErrorEvent x) {
                out.add(x);
            }
        }
        return out;
    }

    public synchronized List<StateEvent> states() {
        List<StateEvent> out = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof StateEvent s) {
                out.add(s);
            }
        }
        return out;
    }

    public synchronized long count(Predicate<Object> p) {
        return events.stream().filter(p).count();
    }

    /** Waits until {@code p} holds for the recorded events; fails with {@code what} and the events. */
    public synchronized void await(String what, Duration timeout, Predicate<Recorder> p) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!p.test(this)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for " + what + "; events: " + summary());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public void awaitRx(int n, Duration timeout) throws InterruptedException {
        await(n + " RX frames", timeout, r -> r.frames(Direction.RX).size() >= n);
    }

    public void awaitState(ConnectionState s, int n, Duration timeout) throws InterruptedException {
        await(n + " x " + s, timeout, r -> r.states().stream().filter(e -> e.state() == s).count() >= n);
    }

    public synchronized String summary() {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (Object e : events) {
            if (shown++ > 40) {
                sb.append(" ... (").append(events.size()).append(" in all)");
                break;
            }
            if (e instanceof FrameEvent f) {
                sb.append("\n  ").append(f.direction()).append(" #").append(f.sequence()).append(" \"")
                        .append(new String(f.bytes(), StandardCharsets.ISO_8859_1)).append('"');
            } else if (e instanceof ErrorEvent x) {
                sb.append("\n  ERROR ").append(x.error());
            } else if (e instanceof StateEvent s) {
                sb.append("\n  STATE ").append(s.state()).append(" ").append(s.detail());
            }
        }
        return sb.toString();
    }
}
