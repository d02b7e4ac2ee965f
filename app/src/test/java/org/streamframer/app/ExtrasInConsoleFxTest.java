package org.streamframer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.connection.BuiltInSimulator;
import org.streamframer.app.log.JsonlFrameReader;
import org.streamframer.app.log.LoggedFrame;
import org.streamframer.app.log.SessionLogViewModel;
import org.streamframer.app.plot.SeriesSpec;
import org.streamframer.app.plot.SeriesViewModel;
import org.streamframer.app.settings.AppSettings;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.ui.FxDispatcher;
import org.streamframer.app.ui.Workbench;
import org.streamframer.framing.reader.Direction;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Plot, block viewer and session log inside the console, against its built-in simulator (headless). */
@ExtendWith(ApplicationExtension.class)
class ExtrasInConsoleFxTest {

    @TempDir
    static Path dir;

    private FxDispatcher dispatcher;
    private Workbench wb;

    @Start
    void start(Stage stage) {
        dispatcher = new FxDispatcher();
        wb = new Workbench(new ConfigDir(dir.resolve("config")), AppSettings.defaults(), dispatcher, List::of,
                new BuiltInSimulator());
        wb.show(stage);
    }

    @AfterEach
    void stop() {
        wb.shutdown();
        dispatcher.close();
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> done) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, done);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within 20 s: " + what, e);
        }
    }

    private void assertTypingGoesToTheCommandLine(FxRobot robot, String text) {
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, wb.command().commandProperty().get(), "typing went to the command line");
        robot.interact(() -> wb.command().commandProperty().set(""));
    }

    @Test
    void plotBlockViewerAndSessionLogWork(FxRobot robot) throws Exception {
        await("connected to the built-in simulator", () -> wb.current() != null);
        assertTrue(wb.window().tabs().getTabs().stream().anyMatch(t -> t.getText().equals("Plot")));

        // Plot: polls the simulator's DMM through the console's session
        SeriesViewModel[] s = new SeriesViewModel[1];
        robot.interact(() -> s[0] = wb.plot().addSeries(SeriesSpec.of("MEAS:VOLT:DC?", Duration.ofMillis(100))));
        await("3 plotted values", () -> s[0].valuesProperty().get() >= 3);
        assertEquals(0, s[0].garbageProperty().get(), s[0].lastProblemProperty().get());
        robot.interact(() -> wb.plot().pause());

        // Session log: a query and its answer, paired
        Path log = dir.resolve("session.jsonl");
        robot.interact(() -> wb.sessionLog().start(log, SessionLogViewModel.Format.JSONL));
        robot.interact(() -> wb.command().send("*IDN?"));
        await("the answer in the transcript", () -> wb.command().transcript().stream()
                .anyMatch(e -> e.outcome() == org.streamframer.app.command.TranscriptEntry.Outcome.ANSWERED));

        // Block viewer: opens by itself for an answer that carries a block
        robot.clickOn("#command-field").write("HCOP:SDUM:DATA?").type(javafx.scene.input.KeyCode.ENTER);
        await("the block viewer window", () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage st && st.isShowing() && "Block viewer: HCOP:SDUM:DATA?".equals(st.getTitle())));
        await("the screenshot decoded", () -> robot.lookup("#block-image").tryQueryAs(ImageView.class)
                .map(iv -> iv.getImage() != null).orElse(false));
        // ...without taking the keyboard: what is typed next goes to the command line
        Stage main = (Stage) wb.window().root().getScene().getWindow();
        Stage viewer = wb.blocks().stage();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(main.isFocused(), "the console window keeps the keyboard (Monocle: a shown window gets it)");
        assertEquals("command-field", main.getScene().getFocusOwner().getId());
        assertTypingGoesToTheCommandLine(robot, "SYST:ERR?");
        // a second block answer updates the open viewer, still without the keyboard
        robot.interact(() -> wb.command().send("WAV:DATA?"));
        await("the viewer shows the waveform's block", () -> "Block viewer: WAV:DATA?".equals(viewer.getTitle()));
        assertTrue(main.isFocused(), "the console window keeps the keyboard");
        assertTypingGoesToTheCommandLine(robot, "*OPC?");
        // the transcript line opens it on request, with the keyboard
        org.streamframer.app.command.TranscriptEntry shot = wb.command().transcript().stream()
                .filter(e -> e.command().equals("HCOP:SDUM:DATA?")).findFirst().orElseThrow();
        robot.interact(() -> wb.command().openBlock(shot));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Block viewer: HCOP:SDUM:DATA?", viewer.getTitle());
        assertTrue(viewer.isShowing());
        // and so does a block-carrying frame of the live table
        org.streamframer.app.frames.FrameRow frame = wb.frames().allRows().stream()
                .filter(wb.frames()::hasBlock).reduce((a, b) -> b).orElseThrow();
        assertTrue(wb.frames().allRows().stream().anyMatch(r -> !wb.frames().hasBlock(r)), "text frames have none");
        robot.interact(() -> wb.frames().openBlock(frame));
        assertEquals("Block viewer: frame #" + frame.sequence() + " RX", viewer.getTitle());
        int blockLength = org.streamframer.app.frames.FramesViewModel.blocks(frame).get(0).length();
        assertTrue(blockLength >= 1000, "the waveform's or the screenshot's block: " + blockLength);
        assertEquals(blockLength, wb.blocks().viewModel().lengthProperty().get(), "the frame's block data");

        robot.interact(() -> wb.sessionLog().stop());
        robot.interact(() -> wb.sessionLog().rawDirectionsProperty().set(org.streamframer.app.log.RawDirections.BOTH));
        assertEquals(org.streamframer.app.log.RawDirections.BOTH, wb.settings().get().rawLog(),
                "the raw log's directions are kept in the settings");
        await("the log finished", () -> wb.sessionLog().statusProperty().get().startsWith("recorded"));
        List<LoggedFrame> frames = JsonlFrameReader.read(log).frames();
        LoggedFrame idn = frames.stream().filter(f -> f.direction() == Direction.TX
                && new String(f.bytes(), StandardCharsets.ISO_8859_1).startsWith("*IDN?")).findFirst().orElseThrow();
        LoggedFrame answer = frames.stream().filter(f -> f.direction() == Direction.RX
                && idn.queryId().equals(f.queryId())).findFirst().orElseThrow();
        assertTrue(new String(answer.bytes(), StandardCharsets.ISO_8859_1).startsWith("Streamframer,SIM-100"),
                new String(answer.bytes(), StandardCharsets.ISO_8859_1));
        assertTrue(frames.stream().anyMatch(f -> f.direction() == Direction.RX && f.bytes().length > 1000),
                "the screenshot's block frame is in the log too");
    }
}
