package org.streamframer.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.streamframer.app.connection.BuiltInSimulator;
import org.streamframer.app.connection.LinkState;
import org.streamframer.app.settings.AppSettings;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.framing.reader.FrameEvent;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.reader.ReaderStats;

/**
 * The console under a flood (issue 10), as a repeatable check rather than a CI test: the whole
 * console (the {@link Workbench} the app shows), headless on Monocle, connected to its built-in
 * simulated instrument, which streams {@code <seq>,<reading>} lines at a given rate
 * ({@code SIM:STR <rate>}) for a given time. Meanwhile a probe posts a {@code Platform.runLater}
 * every 10 ms and records how long it waited for the FX thread.
 *
 * <p>Reported: lines the simulator numbered, gaps in the numbering (lines the simulator dropped
 * because the console was over a second behind), frames the reader received, dropped in its
 * queue and delivered to the frames view, rows the view holds, FX-thread latency (p50, p99,
 * max), heap used after a full GC with the rows still held. Exits 1 when a target is missed: a
 * frame lost (by the reader, or a gap), p99 over 50 ms, heap over 1 GiB, or fewer rows held than
 * the view's cap (less the twentieth it trims at a time) when at least that many arrived.
 *
 * <p>Run (BENCHMARKS.md): {@code bench/scripts/console-flood [rate] [seconds]}.
 */
public final class FloodCheck {

    private FloodCheck() {
    }

    /** Counts the stream's lines by their sequence numbers (on the reader's delivery thread). */
    static final class StreamLines implements ReaderListener {
        long first = -1;
        long last = -1;
        long lines;
        long gaps;
        long outOfOrder;

        @Override
        public void onFrame(FrameEvent e) {
            byte[] b = e.bytes();
            long seq = 0;
            int i = 0;
            while (i < b.length && b[i] >= '0' && b[i] <= '9' && i < 18) {
                seq = seq * 10 + (b[i] - '0');
                i++;
            }
            if (i == 0 || i >= b.length || b[i] != ',') {
                return; // not a stream line (an answer to a command)
            }
            synchronized (this) {
                if (first < 0) {
                    first = seq;
                } else if (seq == last + 1) {
                    // in order
                } else if (seq > last + 1) {
                    gaps += seq - last - 1;
                } else {
                    outOfOrder++;
                }
                last = Math.max(last, seq);
                lines++;
            }
        }

        synchronized long[] snapshot() {
            return new long[] {first, last, lines, gaps, outOfOrder};
        }
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        // headless JavaFX (Monocle), as the UI tests run
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1200-32"); // room for the main window's default size
        System.setProperty("java.awt.headless", "true");

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Path dir = Files.createTempDirectory("streamframer-flood");
        FxDispatcher dispatcher = new FxDispatcher();
        AtomicReference<Workbench> ref = new AtomicReference<>();
        fx(() -> {
            Workbench w = new Workbench(new ConfigDir(dir), AppSettings.defaults(), dispatcher, List::of,
                    new BuiltInSimulator());
            w.show(new Stage());
            ref.set(w);
            return null;
        });
        Workbench wb = ref.get();
        int exit = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (fx(() -> wb.connection().stateProperty().get()) != LinkState.CONNECTED) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the console did not connect to its simulator in 30 s: "
                            + fx(() -> wb.connection().stateDetailProperty().get()));
                }
                Thread.sleep(50);
            }
            boolean autoScroll = !"false".equals(System.getProperty("flood.autoScroll"));
            fx(() -> {
                wb.frames().autoScrollProperty().set(autoScroll); // -Dflood.autoScroll=false: to see what scrolling costs
                return null;
            });
            StreamLines counter = new StreamLines();
            wb.connection().addListener(counter);
            int cap = fx(() -> wb.frames().capProperty().get());
            System.out.printf(Locale.ROOT, "flood: %d lines/s for %.0f s into the console (view cap %d rows, auto-scroll %s), %s%n",
                    rate, seconds, cap, autoScroll ? "on" : "off", fx(() -> wb.current().reader().describe()));

            fx(() -> {
                wb.command().send("SIM:STR " + rate);
                return null;
            });
            long start = System.nanoTime();
            long[] probes = new long[(int) (seconds * 200) + 16];
            int n = 0;
            while (System.nanoTime() - start < (long) (seconds * 1e9) && n < probes.length) {
                long t0 = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(ran::countDown);
                if (!ran.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("FX thread stuck for 30 s");
                }
                probes[n++] = System.nanoTime() - t0;
                Thread.sleep(10);
            }
            double floodSeconds = (System.nanoTime() - start) / 1e9;
            fx(() -> {
                wb.command().send("SIM:STR OFF");
                return null;
            });
            // let the reader, the delivery thread and the view catch up with what was sent
            long[] before;
            long[] after = counter.snapshot();
            do {
                before = after;
                Thread.sleep(500);
                after = counter.snapshot();
            } while (after[2] != before[2]);
            Thread.sleep(1000); // the batcher paces its drains (at most 500 ms apart)

            ReaderStats stats = fx(() -> wb.current().reader().stats());
            int rows = fx(() -> wb.frames().allRows().size());
            long viewDropped = wb.frames().dropped();
            long batches = wb.frames().batches();
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.gc();
            long heap = rt.totalMemory() - rt.freeMemory();
            int rowsAfterGc = fx(() -> wb.frames().allRows().size()); // keeps the rows reachable across the GC

            long[] p = Arrays.copyOf(probes, n);
            Arrays.sort(p);
            double p50 = p[n / 2] / 1e6;
            double p99 = p[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6;
            double max = p[n - 1] / 1e6;
            long[] s = counter.snapshot();
            long numbered = s[0] < 0 ? 0 : s[1] - s[0] + 1;
            System.out.printf(Locale.ROOT, "lines numbered by the simulator: %d (seq %d..%d) over %.1f s = %.0f lines/s%n",
                    numbered, s[0], s[1], floodSeconds, numbered / floodSeconds);
            System.out.printf(Locale.ROOT, "gaps in the numbering (simulator dropped its backlog): %d; out of order: %d%n",
                    s[3], s[4]);
            System.out.printf(Locale.ROOT, "reader: %d frames in, %d dropped by its queue, %d errors; stream lines"
                    + " delivered to listeners: %d%n", stats.framesIn(), stats.dropped(), stats.errors(), s[2]);
            System.out.printf(Locale.ROOT, "frames view: %d rows held (cap %d), %d older rows let go, %d batches to the"
                    + " FX thread%n", rows, cap, viewDropped, batches);
            System.out.printf(Locale.ROOT, "FX-thread latency over %d probes: p50 %.2f ms, p99 %.2f ms, max %.1f ms%n",
                    n, p50, p99, max);
            System.out.printf(Locale.ROOT, "heap used after a full GC with %d rows held: %.1f MiB (max heap %.0f MiB)%n",
                    rowsAfterGc, heap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);

            StringBuilder missed = new StringBuilder();
            if (stats.dropped() != 0 || s[3] != 0 || s[4] != 0 || s[2] != numbered) {
                missed.append(" frames lost (dropped ").append(stats.dropped()).append(", gaps ").append(s[3])
                        .append(", delivered ").append(s[2]).append(" of ").append(numbered).append(");");
            }
            if (p99 >= 50) {
                missed.append(" FX p99 ").append(p99).append(" ms >= 50 ms;");
            }
            if (heap >= 1L << 30) {
                missed.append(" heap ").append(heap >> 20).append(" MiB >= 1024 MiB;");
            }
            // the view trims a twentieth of its cap at a time (CappedList), so it holds 95..100% of it
            if (numbered >= cap && rows < cap - cap / 20) {
                missed.append(" view holds ").append(rows).append(" rows, under its cap ").append(cap)
                        .append(" less the 5% trimming slack;");
            }
            System.out.println(missed.length() == 0 ? "flood check: all targets met" : "flood check: MISSED" + missed);
            exit = missed.length() == 0 ? 0 : 1;
        } finally {
            fx(() -> {
                wb.shutdown();
                return null;
            });
            dispatcher.close();
            Platform.exit();
        }
        System.exit(exit);
    }

    private static <T> T fx(Supplier<T> s) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                out.set(s.get());
            } catch (RuntimeException e) {
                failed.set(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX thread did not answer in 30 s");
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return out.get();
    }
}
