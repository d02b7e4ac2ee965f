package org.streamframer.app.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The frames table follows the newest row while auto-scroll is on, and stays put when it is paused (headless). */
@ExtendWith(ApplicationExtension.class)
class FramesViewAutoScrollFxTest {

    private FramesViewModel vm;
    private FramesView view;
    private final AtomicLong seq = new AtomicLong();

    @Start
    void start(Stage stage) {
        vm = new FramesViewModel(Dispatcher.currentThread(), 100_000);
        view = new FramesView(vm);
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 800, 500));
        stage.show();
    }

    private void add(FxRobot robot, int n) {
        robot.interact(() -> {
            for (int i = 0; i < n; i++) {
                long s = seq.incrementAndGet();
                vm.onFrame(new FrameEvent(s, Direction.RX, Instant.now(), s,
                        ("line " + s).getBytes(StandardCharsets.US_ASCII), 0, null));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int lastVisibleIndex(FxRobot robot) {
        VirtualFlow<?> flow = robot.lookup(".virtual-flow").queryAs(VirtualFlow.class);
        int[] last = new int[1];
        robot.interact(() -> {
            view.table().layout();
            IndexedCell<?> cell = flow.getLastVisibleCell();
            last[0] = cell == null ? -1 : cell.getIndex();
        });
        return last[0];
    }

    @Test
    void followsTheNewestRowThenStaysWhenPaused(FxRobot robot) {
        for (int batch = 0; batch < 3; batch++) {
            add(robot, 1_000);
            int rows = view.table().getItems().size();
            assertEquals(rows - 1, lastVisibleIndex(robot), "the newest of " + rows + " rows is in view");
        }
        robot.interact(vm::pauseAutoScroll);
        int before = lastVisibleIndex(robot);
        add(robot, 1_000);
        int rows = view.table().getItems().size();
        int after = lastVisibleIndex(robot);
        assertEquals(before, after, "paused: the view stays where it was");
        assertTrue(after < rows - 1, "paused: the newest row (" + (rows - 1) + ") is not scrolled into view");
    }
}
