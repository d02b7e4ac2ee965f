package org.streamframer.app.log;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.streamframer.app.frames.FramesView;
import org.streamframer.app.frames.FramesViewModel;
import org.streamframer.app.ui.Dispatcher;

/**
 * A saved JSONL log opened read-only in the console's frames view, in a window of its own.
 * The file is read off the FX thread; lines that could not be read are counted on top.
 */
public final class LogViewerWindow {

    private LogViewerWindow() {
    }

    /** Opens {@code file}; errors (unreadable file) are shown in the window, not thrown. */
    public static Stage open(Window owner, Path file, SessionLogViewModel vm, Dispatcher dispatcher, int cap) {
        FramesViewModel frames = new FramesViewModel(dispatcher, cap);
        Label summary = new Label("reading " + file + " ...");
        summary.setId("log-viewer-summary");
        summary.setStyle("-fx-padding: 6px;");
        BorderPane root = new BorderPane(new FramesView(frames).root());
        root.setTop(summary);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(file.getFileName() + " (read-only)");
        stage.setScene(new Scene(root, 900, 600));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        vm.open(file).whenComplete((contents, error) -> {
            if (error != null) {
                dispatcher.ui(() -> summary.setText("could not read " + file + ": " + error.getMessage()));
                return;
            }
            contents.frames().forEach(f -> frames.onFrame(f.toFrameEvent()));
            dispatcher.ui(() -> summary.setText(describe(file, contents.frames().size(), contents.problems())));
        });
        stage.show();
        return stage;
    }

    static String describe(Path file, int frames, List<LogFormatException> problems) {
        String s = file + ": " + frames + " frames";
        if (problems.isEmpty()) {
            return s;
        }
        return s + "; " + problems.size() + " line(s) could not be read, first: " + problems.get(0).getMessage();
    }
}
