package org.streamframer.app.log;

import java.io.File;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The session log's controls: a "Session log" menu (start JSONL, start raw, which directions
 * a raw log records, stop, open a saved log) and a status label that counts frames while recording. Only builds nodes and
 * binds to {@link SessionLogViewModel}; opening a log hands its path to {@code openLog}
 * (the console shows it read-only in a frames view).
 */
public final class SessionLogMenu {

    private final SessionLogViewModel vm;
    private final Menu menu = new Menu("Session log");
    private final Label status = new Label();
    private final Timeline ticker;
    private final MenuItem openItem;

    public SessionLogMenu(SessionLogViewModel vm, Consumer<File> openLog) {
        this.vm = vm;
        MenuItem jsonl = new MenuItem("Record to JSON Lines...");
        jsonl.setId("log-start-jsonl");
        jsonl.setOnAction(e -> choose("session.jsonl", "JSON Lines", "*.jsonl", SessionLogViewModel.Format.JSONL));
        MenuItem raw = new MenuItem("Record raw bytes...");
        raw.setId("log-start-raw");
        raw.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Record raw bytes ("
                + (vm.rawDirectionsProperty().get() == RawDirections.BOTH ? "RX and TX"
                : String.valueOf(vm.rawDirectionsProperty().get())) + ")...", vm.rawDirectionsProperty()));
        raw.setOnAction(e -> choose(rawFileName(), "Raw bytes", "*.bin", SessionLogViewModel.Format.RAW));
        Menu rawWhat = new Menu("Raw bytes recorded");
        rawWhat.setId("log-raw-directions");
        javafx.scene.control.ToggleGroup directions = new javafx.scene.control.ToggleGroup();
        for (RawDirections d : RawDirections.values()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(d.label());
            item.setId("log-raw-" + d.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(directions);
            item.setUserData(d);
            item.setSelected(d == vm.rawDirectionsProperty().get());
            rawWhat.getItems().add(item);
        }
        directions.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.rawDirectionsProperty().set((RawDirections) now.getUserData());
            }
        });
        vm.rawDirectionsProperty().addListener((o, was, now) -> directions.getToggles()
                .forEach(t -> t.setSelected(t.getUserData() == now)));
        MenuItem stop = new MenuItem("Stop recording");
        stop.setId("log-stop");
        stop.disableProperty().bind(vm.recordingProperty().not());
        stop.setOnAction(e -> vm.stop());
        MenuItem open = new MenuItem("Open log...");
        open.setId("log-open");
        open.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
            File f = fc.showOpenDialog(owner());
            if (f != null) {
                openLog.accept(f);
            }
        });
        menu.setId("log-menu");
        menu.textProperty().bind(javafx.beans.binding.Bindings.when(vm.recordingProperty())
                .then("Session log (recording)").otherwise("Session log"));
        menu.getItems().addAll(jsonl, raw, rawWhat, stop, new SeparatorMenuItem(), open);
        this.openItem = open;
        status.setId("log-status");
        status.textProperty().bind(vm.statusProperty());
        ticker = new Timeline(new KeyFrame(Duration.millis(500), e -> vm.refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        vm.recordingProperty().addListener((o, was, now) -> {
            if (now) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });
    }

    public Menu menu() {
        return menu;
    }

    /** Starts a JSON Lines recording after asking where (for File > Save log). */
    public Runnable startJsonl() {
        return () -> choose("session.jsonl", "JSON Lines", "*.jsonl", SessionLogViewModel.Format.JSONL);
    }

    /** A File menu item that opens a saved log ("Open log..."). */
    public MenuItem openLogItem() {
        MenuItem i = new MenuItem(openItem.getText());
        i.setId("file-open-log");
        i.setOnAction(openItem.getOnAction());
        return i;
    }

    /** For a status bar or tool bar. */
    public Label status() {
        return status;
    }

    private void choose(String name, String description, String pattern, SessionLogViewModel.Format format) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File f = fc.showSaveDialog(owner());
        if (f != null) {
            vm.start(f.toPath(), format);
        }
    }

    private String rawFileName() {
        RawDirections d = vm.rawDirectionsProperty().get();
        return "session-" + (d == null ? RawDirections.RX : d).name().toLowerCase(java.util.Locale.ROOT) + ".bin";
    }

    private Window owner() {
        return status.getScene() == null ? null : status.getScene().getWindow();
    }
}
