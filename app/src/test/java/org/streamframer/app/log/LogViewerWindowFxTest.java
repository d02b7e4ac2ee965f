package org.streamframer.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.ui.FxDispatcher;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Open log: a saved log shown read-only in the console's frames view. */
@ExtendWith(ApplicationExtension.class)
class LogViewerWindowFxTest {

    @TempDir
    Path dir;

    private final FxDispatcher dispatcher = new FxDispatcher();
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void savedLogOpensWithEveryFrameAndTheBadLinesCounted(FxRobot robot) throws Exception {
        Path file = dir.resolve("saved.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            FrameEvent e = new FrameEvent(i + 1, i % 2 == 0 ? Direction.TX : Direction.RX,
                    Instant.parse("2026-12-01T09:00:00Z").plusMillis(i), i, ("frame " + i + "\n").getBytes(), 0, null);
            sb.append(JsonlFormat.toLine(e, (long) (i / 2 + 1))).append('\n');
        }
        sb.append("{broken\n");
        Files.writeString(file, sb);
        SessionLogViewModel vm = new SessionLogViewModel(new FrameSource(l -> { }, l -> { }),
                dispatcher::ui, dispatcher::background);
        robot.interact(() -> LogViewerWindow.open(owner, file, vm, dispatcher, 10_000));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#log-viewer-summary")
                .tryQueryAs(javafx.scene.control.Label.class).map(l -> l.getText().contains("200 frames")).orElse(false));
        String summary = robot.lookup("#log-viewer-summary").queryLabeled().getText();
        assertTrue(summary.contains("1 line(s) could not be read, first: line 201: not JSON"), summary);
        List<TableView<?>> tables = robot.lookup(n -> n instanceof TableView).queryAllAs(TableView.class)
                .stream().<TableView<?>>map(t -> t).toList();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> tables.stream().anyMatch(t -> t.getItems().size() == 200));
        assertEquals(1, tables.stream().filter(t -> t.getItems().size() == 200).count());
    }
}
