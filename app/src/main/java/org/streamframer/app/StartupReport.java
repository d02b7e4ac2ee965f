package org.streamframer.app;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

import org.streamframer.app.frames.FrameRow;
import org.streamframer.framing.reader.Direction;

/**
 * Start-up timing of the console, for measuring packaged builds: with
 * {@code -Dstreamframer.startupReport=true} it prints two lines to stdout,
 * <pre>
 *   streamframer startup: window shown 812 ms after process start
 *   streamframer startup: first received frame shown 1104 ms after process start
 * </pre>
 * each at the first layout pulse after the event (the window's first scene layout; the first
 * received frame's row in the frames table), so the time is when JavaFX draws it. Without the
 * property it does nothing. Times count from the operating system's start time of the process
 * (for a jpackage launcher: the launcher itself, before the JVM loads).
 */
final class StartupReport {
    static final String PROPERTY = "streamframer.startupReport";

    private final Scene scene;
    private final Instant processStart;
    private final PrintStream out;

    private StartupReport(Scene scene, Instant processStart, PrintStream out) {
        this.scene = scene;
        this.processStart = processStart;
        this.out = out;
    }

    /** Call on the FX thread right after the stage is shown; {@code rows} are the frames table's rows. */
    static void installIfRequested(Scene scene, ObservableList<FrameRow> rows) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        Optional<Instant> start = ProcessHandle.current().info().startInstant();
        StartupReport report = new StartupReport(scene, start.orElse(Instant.now()), System.out);
        report.afterNextLayout("window shown");
        rows.addListener(new ListChangeListener<FrameRow>() {
            @Override
            public void onChanged(Change<? extends FrameRow> c) {
                while (c.next()) {
                    if (c.wasAdded() && c.getAddedSubList().stream().anyMatch(r -> r.direction() == Direction.RX)) {
                        rows.removeListener(this);
                        report.afterNextLayout("first received frame shown");
                        return;
                    }
                }
            }
        });
    }

    private void afterNextLayout(String what) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                long ms = Duration.between(processStart, Instant.now()).toMillis();
                out.println("streamframer startup: " + what + " " + ms + " ms after process start");
                out.flush();
            }
        };
        scene.addPostLayoutPulseListener(once);
    }
}
