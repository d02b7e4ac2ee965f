package org.streamframer.app.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.framing.reader.Direction;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live table follows the newest frame, batch after batch (headless). */
@ExtendWith(ApplicationExtension.class)
class FramesViewFxTest {

    private FramesViewModel vm;
    private TableView<?> table;

    @Start
    void start(Stage stage) {
        vm = new FramesViewModel(Dispatcher.currentThread(), 10_000);
        FramesView view = new FramesView(vm);
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 900, 400));
        stage.show();
    }

    @Test
    void autoScrollShowsTheLastRowOfEachBatch(FxRobot robot) {
        table = robot.lookup("#frames-table").queryAs(TableView.class);
        long seq = 0;
        for (int batch = 1; batch <= 5; batch++) {
            List<org.streamframer.framing.reader.FrameEvent> rows = new ArrayList<>();
            for (int i = 0; i < 9 * batch; i++) {
                ++seq;
                rows.add(new org.streamframer.framing.reader.FrameEvent(seq, Direction.RX, Instant.now(), seq,
                        ("line " + seq).getBytes(StandardCharsets.US_ASCII), 0, null));
            }
            robot.interact(() -> rows.forEach(vm::onFrame)); // through the batcher, as from the reader
            WaitForAsyncUtils.waitForFxEvents();
            VirtualFlow<?> flow = robot.lookup(".virtual-flow").queryAs(VirtualFlow.class);
            IndexedCell<?> last = flow.getLastVisibleCell();
            assertEquals((int) seq - 1, last.getIndex(), "after batch " + batch + " the newest row is on screen");
        }
    }
}
