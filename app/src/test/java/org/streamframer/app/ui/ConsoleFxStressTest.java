package org.streamframer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.streamframer.app.TestSupport.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.command.TranscriptEntry;
import org.streamframer.app.connection.BuiltInSimulator;
import org.streamframer.app.connection.LinkState;
import org.streamframer.app.plot.SeriesSpec;
import org.streamframer.app.settings.AppSettings;
import org.streamframer.app.settings.ConfigDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The reported walk-through on the whole console, headless (Monocle): two plot series polling
 * every 50 ms on the Plot tab, zooming, the dark theme on and off, {@code WAV:DATA?} and
 * {@code HCOP:SDUM:DATA?} opening the block viewer, {@code *IDN?} in between. Every command must
 * complete (no line left pending, busy clears) and the FX thread must keep answering; otherwise
 * the test fails with a thread dump. Runs {@code -Dstall.fxSeconds} seconds (default 6).
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleFxStressTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** A query ends within twice its timeout (turn + answer); this much more is allowed. */
    private static final Duration MARGIN = Duration.ofSeconds(4);

    @TempDir
    Path dir;

    private FxDispatcher dispatcher;
    private Workbench wb;

    @Start
    void start(Stage stage) {
        dispatcher = new FxDispatcher();
        wb = new Workbench(new ConfigDir(dir), AppSettings.defaults(), dispatcher, List::of, new BuiltInSimulator());
        wb.show(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(wb::shutdown);
        dispatcher.close();
    }

    private static <T> T fx(Supplier<T> s) {
        CountDownLatch done = new CountDownLatch(1);
        List<T> out = new ArrayList<>(1);
        Platform.runLater(() -> {
            out.add(s.get());
            done.countDown();
        });
        try {
            if (!done.await(MARGIN.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("the FX thread did not answer in " + MARGIN.toMillis() + " ms\n" + ThreadDumps.all());
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return out.get(0);
    }

    private static void onFx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    @Test
    void theReportedWalkThroughCompletesEveryCommand() {
        long seconds = Long.getLong("stall.fxSeconds", 6);
        await("connected", 15_000, () -> fx(() -> wb.connection().stateProperty().get()) == LinkState.CONNECTED);
        onFx(() -> {
            wb.command().timeoutProperty().set(TIMEOUT);
            wb.plot().addSeries(SeriesSpec.of("MEAS:VOLT:DC?", Duration.ofMillis(50)));
            wb.plot().addSeries(SeriesSpec.of("MEAS:CURR:DC?", Duration.ofMillis(50)));
            wb.window().tabs().getTabs().stream().filter(t -> "Plot".equals(t.getText())).findFirst()
                    .ifPresent(t -> wb.window().tabs().getSelectionModel().select(t));
        });
        List<Runnable> steps = List.of(
                () -> wb.plot().zoomToLast(Duration.ofSeconds(10)),
                () -> wb.settings().darkProperty().set(true),
                () -> wb.command().send("WAV:DATA?"),
                () -> wb.command().send("*IDN?"),
                () -> wb.plot().zoom(Instant.now().minusSeconds(3), Instant.now()),
                () -> wb.command().send("HCOP:SDUM:DATA?"),
                () -> wb.settings().darkProperty().set(false),
                () -> wb.command().send("MEAS:VOLT:DC?"),
                () -> wb.plot().zoomAll(),
                () -> wb.command().send("WAV:DATA?"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long worstFxMillis = 0;
        int i = 0;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            onFx(steps.get(i++ % steps.size()));
            worstFxMillis = Math.max(worstFxMillis, (System.nanoTime() - t0) / 1_000_000);
            Instant now = Instant.now();
            List<String> stuck = fx(() -> wb.command().transcript().stream()
                    .filter(e -> e.outcome() == TranscriptEntry.Outcome.PENDING)
                    .filter(e -> Duration.between(e.time(), now).compareTo(TIMEOUT.multipliedBy(2).plus(MARGIN)) > 0)
                    .map(TranscriptEntry::command).toList());
            if (!stuck.isEmpty()) {
                fail("commands pending for over " + TIMEOUT.multipliedBy(2).plus(MARGIN).toMillis() + " ms: " + stuck
                        + "\n" + ThreadDumps.all());
            }
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        await("every command complete", TIMEOUT.multipliedBy(2).plus(MARGIN).toMillis(),
                () -> fx(() -> wb.command().transcript().stream()
                        .noneMatch(e -> e.outcome() == TranscriptEntry.Outcome.PENDING)),
                () -> "\n" + ThreadDumps.all());
        List<TranscriptEntry> all = fx(() -> List.copyOf(wb.command().transcript()));
        Map<TranscriptEntry.Outcome, Integer> outcomes = new EnumMap<>(TranscriptEntry.Outcome.class);
        all.forEach(e -> outcomes.merge(e.outcome(), 1, Integer::sum));
        long samples = fx(() -> wb.plot().series().get(0).valuesProperty().get());
        System.out.printf("fx stress: %d s, %d steps, %d commands, outcomes %s, plot samples %d, worst FX step %d ms%n",
                seconds, i, all.size(), outcomes, samples, worstFxMillis);
        assertFalse(fx(() -> wb.command().busyProperty().get()), "not busy at the end");
        assertEquals(all.size(), outcomes.getOrDefault(TranscriptEntry.Outcome.ANSWERED, 0), "all answered: " + outcomes);
        assertTrue(samples > 10, "the plot polled: " + samples);
        assertTrue(fx(() -> wb.blocks().stage() != null), "the block viewer opened");
    }
}
