package org.streamframer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.streamframer.app.TestSupport.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.blocks.BlockViewModel;
import org.streamframer.app.command.CommandMode;
import org.streamframer.app.command.CommandViewModel;
import org.streamframer.app.command.TranscriptEntry;
import org.streamframer.app.connection.BuiltInSimulator;
import org.streamframer.app.connection.ConnectionViewModel;
import org.streamframer.app.connection.Connector;
import org.streamframer.app.connection.LinkState;
import org.streamframer.app.frames.FramesViewModel;
import org.streamframer.app.frames.RuleFactory;
import org.streamframer.app.frames.RuleKind;
import org.streamframer.app.frames.RuleSpec;
import org.streamframer.app.plot.ExecutorPollScheduler;
import org.streamframer.app.plot.PlotViewModel;
import org.streamframer.app.plot.SeriesSpec;
import org.streamframer.app.plot.SeriesViewModel;
import org.streamframer.app.settings.ConfigDir;

/**
 * The console's ViewModels wired as the Workbench wires them, against the real in-process
 * simulator, with a single "FX" thread of its own (no screen): two plot series polling every
 * 50 ms, console queries in Auto and Query mode (blocks from {@code WAV:DATA?} and
 * {@code HCOP:SDUM:DATA?} handed to a block viewer), a stream burst, rule changes, zooming and
 * a reconnect. A watchdog fails the test, with every thread's stack and the deadlocked
 * threads, when a console command is not complete within its timeout plus a margin, or the
 * "FX" thread stops answering.
 *
 * <p>Runs {@code -Dstall.seconds} seconds (default 6, so the build stays quick; the report
 * figures are from 25).
 */
class ConsoleStressTest {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(1500);
    /**
     * A command must be complete within its timeout plus this (a query waits up to its timeout
     * for its turn, then up to its timeout for the answer).
     */
    private static final Duration MARGIN = COMMAND_TIMEOUT.plusSeconds(3);

    @TempDir
    Path dir;

    private final ExecutorService fx = Executors.newSingleThreadExecutor(named("stress-fx"));
    private final ExecutorService pool = Executors.newCachedThreadPool(named("stress-bg"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("stress-timer"));
    private final ExecutorService plotQueries = Executors.newSingleThreadExecutor(named("stress-plot-query"));
    private final ExecutorService plotIo = Executors.newSingleThreadExecutor(named("stress-plot-io"));
    private final ExecutorPollScheduler ticker = new ExecutorPollScheduler();
    private final Dispatcher dispatcher = new Dispatcher() {
        @Override
        public void background(Runnable task) {
            pool.execute(task);
        }

        @Override
        public void ui(Runnable task) {
            fx.execute(task);
        }

        @Override
        public void uiAfter(long millis, Runnable task) {
            timer.schedule(() -> fx.execute(task), millis, TimeUnit.MILLISECONDS);
        }
    };
    private ConnectionViewModel connection;
    /** Connections lost or failed (not the disconnects the script does), with why. */
    private final List<String> lost = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void shutDown() throws Exception {
        ticker.close();
        plotQueries.shutdownNow();
        if (connection != null) {
            onFx(() -> connection.shutdown()).get(10, TimeUnit.SECONDS);
        }
        for (ExecutorService e : List.of(fx, pool, timer, plotIo)) {
            e.shutdownNow();
            e.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyCommandCompletesWhilePlotPollsStreamsBlocksRuleChangesAndReconnectsRun() throws Exception {
        long seconds = Long.getLong("stall.seconds", 6);
        NotificationCenter notices = new NotificationCenter(dispatcher, Clock.systemUTC());
        FramesViewModel frames = new FramesViewModel(dispatcher, 10_000);
        BlockViewModel blocks = new BlockViewModel(pool, fx);
        AtomicInteger blocksShown = new AtomicInteger();
        PlotViewModel plot = new PlotViewModel(new PlotViewModel.PlotRuntime(ticker, plotQueries, fx, plotIo,
                Clock.systemUTC()));
        CommandViewModel[] cmd = new CommandViewModel[1];
        List<SeriesViewModel> series = new ArrayList<>();
        onFx(() -> {
            connection = new ConnectionViewModel(dispatcher, new Connector(List::of, new BuiltInSimulator()),
                    List::of, notices, RuleFactory::build);
            connection.addListener(frames);
            connection.stateProperty().addListener((o, a, b) -> {
                if (b == LinkState.LOST || b == LinkState.FAILED) {
                    lost.add(b + " " + connection.stateDetailProperty().get());
                }
            });
            connection.currentProperty().addListener((o, a, b) -> plot.setQueryFunction(
                    b == null ? null : (c, t) -> b.session().query(c, t).text()));
            cmd[0] = new CommandViewModel(dispatcher, notices, () -> connection.currentProperty().get(),
                    new ConfigDir(dir), Clock.systemUTC());
            cmd[0].timeoutProperty().set(COMMAND_TIMEOUT);
            cmd[0].setBlockViewer((r, asked) -> {
                blocks.open(r, 0);
                blocksShown.incrementAndGet();
            });
            connection.connect();
        }).get(5, TimeUnit.SECONDS);
        await("connected", 10_000, () -> state() == LinkState.CONNECTED);
        onFx(() -> {
            series.add(plot.addSeries(SeriesSpec.of("MEAS:VOLT:DC?", Duration.ofMillis(50))));
            series.add(plot.addSeries(SeriesSpec.of("MEAS:CURR:DC?", Duration.ofMillis(50))));
            // a typo the instrument never answers: each poll holds the session for its whole timeout (1 s)
            series.add(plot.addSeries(SeriesSpec.of("MEAS:VOLTS?", Duration.ofMillis(50))));
        }).get(5, TimeUnit.SECONDS);

        // the script: what a technician does, over and over
        List<Runnable> steps = List.of(
                () -> cmd[0].send("*IDN?"),
                () -> cmd[0].send("WAV:DATA?"),
                () -> plot.zoomToLast(Duration.ofSeconds(10)),
                () -> cmd[0].send("MEAS:VOLT:DC?"),
                () -> cmd[0].send("HCOP:SDUM:DATA?"),
                () -> cmd[0].terminatorProperty().set(org.streamframer.framing.scpi.Terminator.CRLF),
                () -> cmd[0].modeProperty().set(CommandMode.QUERY),
                () -> cmd[0].send("SYST:ERR?"),
                () -> cmd[0].send("WAV:DATA?"),
                () -> cmd[0].modeProperty().set(CommandMode.AUTO),
                () -> cmd[0].terminatorProperty().set(org.streamframer.framing.scpi.Terminator.LF),
                () -> plot.zoom(Instant.now().minusSeconds(5), Instant.now()),
                () -> cmd[0].send("SIM:STREAM 1000"),
                () -> cmd[0].send("*OPC?"),
                () -> cmd[0].send("SIM:STREAM OFF"),
                () -> connection.setFraming(RuleSpec.defaults(RuleKind.LF), null),
                () -> cmd[0].send("*IDN?"),
                () -> connection.setFraming(RuleSpec.defaults(RuleKind.SCPI), null),
                () -> plot.zoomAll(),
                () -> cmd[0].send("HCOP:SDUM:DATA?"));
        Map<TranscriptEntry.Outcome, Integer> outcomes = new EnumMap<>(TranscriptEntry.Outcome.class);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long reconnectEvery = TimeUnit.SECONDS.toNanos(Math.max(3, seconds / 3));
        long nextReconnect = start + reconnectEvery;
        int step = 0;
        int sent = 0;
        while (System.nanoTime() < end) {
            if (System.nanoTime() > nextReconnect) {
                nextReconnect += reconnectEvery;
                onFx(() -> connection.disconnect()).get(5, TimeUnit.SECONDS);
                onFx(() -> cmd[0].send("*IDN?")).get(5, TimeUnit.SECONDS); // "not connected", at once
                onFx(() -> connection.connect()).get(5, TimeUnit.SECONDS);
                await("reconnected", 10_000, () -> state() == LinkState.CONNECTED);
            }
            Runnable s = steps.get(step++ % steps.size());
            // the FX thread itself must answer: a stuck FX thread is a stall too
            CompletableFuture<Void> done = onFx(s);
            try {
                done.get(MARGIN.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                fail("the FX thread did not run a step within " + MARGIN.toMillis() + " ms\n" + threadDump());
            }
            sent++;
            checkNothingStuck(cmd[0]);
            Thread.sleep(15);
        }
        // everything still sent completes
        await("every command complete", (COMMAND_TIMEOUT.plus(MARGIN)).toMillis(), () -> pendingCount(cmd[0]) == 0,
                () -> "\n" + threadDump());
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<TranscriptEntry> all = onFx(() -> { }).thenApply(x -> List.copyOf(cmd[0].transcript()))
                .get(5, TimeUnit.SECONDS);
        for (TranscriptEntry e : all) {
            outcomes.merge(e.outcome(), 1, Integer::sum);
        }
        long commands = all.size();
        List<String> whyFailed = all.stream().filter(e -> e.outcome() == TranscriptEntry.Outcome.FAILED)
                .map(e -> e.answer().replaceAll("[0-9]+", "N")).distinct().limit(8).toList();
        System.out.printf("stress: %.1f s, %d steps, %d console commands (%.1f/s), outcomes %s, blocks shown %d,"
                        + " plot samples %s, frames seen %d; failures: %s; lost: %s%n", elapsed, sent, commands, commands / elapsed, outcomes,
                blocksShown.get(), series.stream().map(v -> v.valuesProperty().get() + "/" + v.timeoutsProperty().get()
                        + "to/" + v.failuresProperty().get() + "f").toList(), frames.allRows().size(), whyFailed, lost);
        assertTrue(outcomes.getOrDefault(TranscriptEntry.Outcome.ANSWERED, 0) > commands / 4,
                "most queries are answered: " + outcomes + " " + whyFailed);
        assertTrue(blocksShown.get() > 0, "blocks reached the viewer");
        // the unanswered series holds the one query thread 1 s a poll, so the others get a few polls a second
        assertTrue(series.get(0).valuesProperty().get() > 0 && series.get(1).valuesProperty().get() > 0,
                "the plot polled");
        assertTrue(series.get(2).timeoutsProperty().get() > 0, "the unanswered series timed out");
        assertEquals(0, pendingCount(cmd[0]), "nothing left pending");
        assertEquals(List.of(), lost, "the simulator's connection was never lost");
        assertTrue(busy(cmd[0]) == false, "not busy at the end");
    }

    /** Fails with a thread dump when a command has been pending longer than its timeout plus the margin. */
    private void checkNothingStuck(CommandViewModel cmd) throws Exception {
        Instant now = Instant.now();
        List<TranscriptEntry> stuck = onFx(() -> { }).thenApply(x -> cmd.transcript().stream()
                .filter(e -> e.outcome() == TranscriptEntry.Outcome.PENDING)
                .filter(e -> Duration.between(e.time(), now).compareTo(COMMAND_TIMEOUT.plus(MARGIN)) > 0)
                .toList()).get(5, TimeUnit.SECONDS);
        if (!stuck.isEmpty()) {
            fail("commands still pending after " + COMMAND_TIMEOUT.plus(MARGIN).toMillis() + " ms: "
                    + stuck.stream().map(TranscriptEntry::command).toList() + "\n" + threadDump());
        }
    }

    private int pendingCount(CommandViewModel cmd) {
        try {
            return onFx(() -> { }).thenApply(x -> (int) cmd.transcript().stream()
                    .filter(e -> e.outcome() == TranscriptEntry.Outcome.PENDING).count()).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the FX thread did not answer\n" + threadDump(), e);
        }
    }

    private boolean busy(CommandViewModel cmd) throws Exception {
        return onFx(() -> { }).thenApply(x -> cmd.busyProperty().get()).get(5, TimeUnit.SECONDS);
    }

    private LinkState state() {
        try {
            return onFx(() -> { }).thenApply(x -> connection.stateProperty().get()).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the FX thread did not answer\n" + threadDump(), e);
        }
    }

    private CompletableFuture<Void> onFx(Runnable r) {
        return CompletableFuture.runAsync(r, fx);
    }

    static String threadDump() {
        return ThreadDumps.all();
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
