package org.streamframer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.streamframer.app.TestSupport.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.command.TranscriptEntry;
import org.streamframer.app.connection.BuiltInSimulator;
import org.streamframer.app.connection.LinkState;
import org.streamframer.app.connection.TransportKind;
import org.streamframer.app.frames.RuleKind;
import org.streamframer.app.settings.AppSettings;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.sim.SimulatedInstrument;
import org.streamframer.framing.reader.ReaderStats;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.rules.FixedLengthRule;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import atlantafx.base.theme.Styles;

/** The whole console, headless (Monocle), against the built-in simulated instrument. */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiTest {

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
            if (!done.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("FX thread did not answer in 10 s");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return out.get(0);
    }

    private void awaitConnected() {
        await("the console to connect to the simulator at start", 15_000,
                () -> fx(() -> wb.connection().stateProperty().get()) == LinkState.CONNECTED,
                () -> fx(() -> wb.connection().stateProperty().get() + " " + wb.connection().stateDetailProperty().get()));
    }

    private List<TranscriptEntry> transcript() {
        return fx(() -> List.copyOf(wb.command().transcript()));
    }

    /** The transcript once every line has its outcome. */
    private List<TranscriptEntry> settled(int lines) {
        await(lines + " answered transcript lines", 10_000, () -> {
            List<TranscriptEntry> t = transcript();
            return t.size() == lines && t.stream().noneMatch(e -> e.outcome() == TranscriptEntry.Outcome.PENDING);
        }, () -> transcript().toString());
        return transcript();
    }

    private static void choose(FxRobot robot, String comboId, String cellText) {
        robot.clickOn(comboId);
        Node cell = robot.lookup(n -> n instanceof ListCell<?> c && cellText.equals(c.getText())).query();
        robot.clickOn(cell);
    }

    @Test
    void connectsToTheSimulatorAtStartAndIdnShowsTheIdentity(FxRobot robot) {
        awaitConnected();
        Label badge = robot.lookup("#state-badge").queryAs(Label.class);
        assertEquals("Connected", fx(badge::getText));
        robot.clickOn("#common-IDN");
        TranscriptEntry e = settled(1).get(0);
        assertEquals("*IDN?", e.command());
        assertEquals(TranscriptEntry.Outcome.ANSWERED, e.outcome(), e.answer());
        assertEquals(SimulatedInstrument.IDENTITY, e.answer());
        ListView<?> list = robot.lookup("#transcript").queryAs(ListView.class);
        await("the transcript cell", 5_000, () -> fx(() -> robot.lookup(".transcript .list-cell").queryAll().stream()
                .anyMatch(n -> n.toString().length() > 0 && ((ListCell<?>) n).getItem() != null)));
        assertEquals(1, fx(() -> list.getItems().size()));
        await("RX frames in the table", 5_000, () -> fx(() -> wb.frames().allRows().size()) >= 2);
    }

    @Test
    void changingTheRuleWhileConnectedAppliesAtOnceAndBadValuesCannotBeApplied(FxRobot robot) {
        awaitConnected();
        choose(robot, "#rule-kind", RuleKind.CRLF.label());
        await("the CRLF rule on the reader", 5_000, () -> fx(() -> wb.current().reader().rule()) instanceof DelimiterRule);

        choose(robot, "#rule-kind", RuleKind.FIXED.label());
        TextField fixed = robot.lookup("#fixed-length").queryAs(TextField.class);
        robot.doubleClickOn(fixed).eraseText(6).write("abc");
        Button apply = robot.lookup("#apply-rule").queryAs(Button.class);
        assertTrue(fx(apply::isDisabled), "a bad value cannot be applied");
        assertTrue(fx(() -> fixed.getPseudoClassStates().contains(Styles.STATE_DANGER)), "the bad field is marked");
        assertEquals("Frame length must be a whole number from 1 to 16777216 (got 'abc')",
                fx(() -> fixed.getTooltip().getText()));
        robot.doubleClickOn(fixed).eraseText(6).write("8");
        assertFalse(fx(apply::isDisabled));
        robot.clickOn(apply);
        await("the fixed-length rule on the reader", 5_000,
                () -> fx(() -> wb.current().reader().rule()) instanceof FixedLengthRule f && f.length() == 8);
    }

    @Test
    void aCommandFromTheHistoryIsSentAgain(FxRobot robot) {
        awaitConnected();
        robot.clickOn("#command-field").write("*OPC?").type(KeyCode.ENTER);
        settled(1);
        TextField field = robot.lookup("#command-field").queryAs(TextField.class);
        assertEquals("", fx(field::getText));
        robot.type(KeyCode.UP);
        assertEquals("*OPC?", fx(field::getText));
        robot.type(KeyCode.ENTER);
        for (TranscriptEntry e : settled(2)) {
            assertEquals("*OPC?", e.command());
            assertEquals("1", e.answer());
            assertEquals(TranscriptEntry.Outcome.ANSWERED, e.outcome());
        }
    }

    @Test
    void aBadPortShowsAnErrorInPlainWords(FxRobot robot) throws Exception {
        awaitConnected();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        choose(robot, "#transport", TransportKind.TCP_CLIENT.label());
        TextField host = robot.lookup("#host").queryAs(TextField.class);
        TextField portField = robot.lookup("#port").queryAs(TextField.class);
        robot.interact(() -> host.setText(""));
        robot.clickOn(host).write("127.0.0.1");
        robot.interact(() -> portField.setText(""));
        robot.clickOn(portField).write(Integer.toString(port));
        robot.clickOn("#disconnect");
        robot.clickOn("#connect");
        await("the failure", 10_000, () -> fx(() -> wb.connection().stateProperty().get()) == LinkState.FAILED);
        Node notice = robot.lookup("#notice").query();
        await("the notice", 5_000, () -> fx(notice::isVisible));
        String text = fx(() -> wb.notices().currentProperty().get().text());
        assertTrue(text.contains("127.0.0.1:" + port) && text.toLowerCase(Locale.ROOT).contains("refused"), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), "no class names or stack trace: " + text);
        assertEquals("Connection failed", fx(() -> robot.lookup("#state-badge").queryAs(Label.class).getText()));
    }

    /** Nearest-rank percentile of sorted nanosecond values, in milliseconds. */
    private static double percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    @Test
    void windowLayoutAndThemeAreRememberedForTheNextStart(FxRobot robot) throws Exception {
        awaitConnected();
        robot.clickOn("#theme-toggle");
        robot.interact(() -> {
            wb.window().setDividers(0.3, 0.5);
            wb.window().tabs().getSelectionModel().select(1);
        });
        robot.interact(wb::shutdown);
        AppSettings saved = SettingsViewModel.read(new ConfigDir(dir));
        assertTrue(saved.dark(), "dark theme remembered");
        assertEquals(1, saved.selectedTab());
        assertEquals(0.3, saved.sidebarDivider(), 0.02);
        assertEquals(0.5, saved.consoleDivider(), 0.02);
    }

    @Test
    void underAFloodTheFxThreadStaysResponsive(FxRobot robot) throws Exception {
        awaitConnected();
        robot.interact(() -> wb.command().send("SIM:STR 100000"));
        long start = System.nanoTime();
        List<Long> latencies = new ArrayList<>();
        StringBuilder slow = new StringBuilder();
        while (System.nanoTime() - start < 4_000_000_000L) {
            long t0 = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(ran::countDown);
            assertTrue(ran.await(10, TimeUnit.SECONDS), "FX thread stuck for 10 s");
            long l = System.nanoTime() - t0;
            latencies.add(l);
            if (l > 100_000_000L) {
                slow.append(String.format(Locale.ROOT, " %.0f ms at %.2f s (%d rows);", l / 1e6, (t0 - start) / 1e9,
                        fx(() -> wb.frames().allRows().size())));
            }
            Thread.sleep(5);
        }
        ReaderStats stats = fx(() -> wb.current().reader().stats());
        int rows = fx(() -> wb.frames().allRows().size());
        long batches = wb.frames().batches();
        robot.interact(() -> wb.command().send("SIM:STR OFF"));
        Collections.sort(latencies);
        double p50 = percentile(latencies, 0.50);
        double p99 = percentile(latencies, 0.99);
        double max = latencies.get(latencies.size() - 1) / 1e6;
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "FLOOD: %d frames in (%.0f frames/s over %.1f s), %d rows shown, %d batches,"
                        + " reader dropped %d; FX latency over %d probes: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                stats.framesIn(), stats.framesIn() / seconds, seconds, rows, batches, stats.dropped(), latencies.size(),
                p50, p99, max);
        System.out.println("FLOOD slow probes:" + slow);
        assertTrue(stats.framesIn() > 20_000, "the flood arrived: " + stats.framesIn() + " frames");
        assertTrue(rows <= wb.frames().capProperty().get(), "table capped: " + rows);
        assertTrue(batches < stats.framesIn() / 10, "frames reach the table in batches: " + batches + " batches");
        assertTrue(p99 < 500, "FX p99 latency " + p99 + " ms");
    }
}
