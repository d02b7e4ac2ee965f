package org.streamframer.app.ui;

import java.time.Clock;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.streamframer.app.command.CommandView;
import org.streamframer.app.command.CommandViewModel;
import org.streamframer.app.connection.ActiveConnection;
import org.streamframer.app.connection.ConnectionView;
import org.streamframer.app.connection.ConnectionViewModel;
import org.streamframer.app.connection.Connector;
import org.streamframer.app.connection.ProfilesViewModel;
import org.streamframer.app.connection.SerialPorts;
import org.streamframer.app.connection.Simulators;
import org.streamframer.app.frames.ContentFormat;
import org.streamframer.app.frames.DetectViewModel;
import org.streamframer.app.frames.FramesView;
import org.streamframer.app.frames.FramesViewModel;
import org.streamframer.app.frames.FramingView;
import org.streamframer.app.frames.FramingViewModel;
import org.streamframer.app.frames.RawView;
import org.streamframer.app.frames.RawViewModel;
import org.streamframer.app.frames.RuleFactory;
import org.streamframer.app.settings.AppSettings;
import org.streamframer.app.settings.ConfigDir;

/**
 * Builds the console: every ViewModel, every View, the main window, and the wiring between them.
 * {@code ConsoleApp} shows it in a stage; UI tests build it the same way with their own config
 * directory. Features of other teams get {@link #connection()} (the current connection and
 * frame listeners) and {@link #window()} ({@code addFeature}, the save-log hook).
 */
public final class Workbench {

    private final Dispatcher dispatcher;
    private final NotificationCenter notices;
    private final SettingsViewModel settings;
    private final ConnectionViewModel connection;
    private final ProfilesViewModel profiles;
    private final FramingViewModel framing;
    private final DetectViewModel detect;
    private final FramesViewModel frames;
    private final RawViewModel raw;
    private final CommandViewModel command;
    private final StatusViewModel status;
    private final FramesView framesView;
    private final CommandView commandView;
    private final StatusBarView statusBar;
    private final MainWindow window;
    private final org.streamframer.app.plot.PlotThreads plotThreads = new org.streamframer.app.plot.PlotThreads();
    private final org.streamframer.app.plot.PlotViewModel plot;
    private final org.streamframer.app.log.SessionLogViewModel sessionLog;
    private final org.streamframer.app.blocks.BlockWindow blocks;
    private Stage stage;

    /**
     * @param initial the settings read at start ({@link SettingsViewModel#read}), off the FX thread
     */
    public Workbench(ConfigDir dir, AppSettings initial, Dispatcher dispatcher, SerialPorts ports,
                     Simulators simulators) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        notices = new NotificationCenter(dispatcher, Clock.systemUTC());
        settings = new SettingsViewModel(dir, initial, dispatcher, notices);
        AppSettings s = settings.get();

        connection = new ConnectionViewModel(dispatcher, new Connector(ports, simulators), ports, notices,
                RuleFactory::build);
        profiles = new ProfilesViewModel(connection, dir, dispatcher, notices,
                name -> settings.update(x -> x.withLastProfile(name)));
        framing = new FramingViewModel(RuleFactory::build, (spec, rule) -> {
            connection.setFraming(spec, rule);
            profiles.rememberFraming(spec);
        });
        framing.show(connection.framingProperty().get());
        connection.framingProperty().addListener((o, a, b) -> framing.show(b));
        detect = new DetectViewModel(dispatcher, this::current, framing::choose);
        frames = new FramesViewModel(dispatcher, s.frameCap());
        frames.formatProperty().set(s.hexContent() ? ContentFormat.HEX : ContentFormat.TEXT);
        connection.addListener(frames);
        raw = new RawViewModel(dispatcher, this::current);
        command = new CommandViewModel(dispatcher, notices, this::current, dir, Clock.systemUTC());
        command.terminatorProperty().bindBidirectional(connection.terminatorProperty());
        status = new StatusViewModel(() -> current() == null ? null : current().reader().stats());

        framesView = new FramesView(frames);
        commandView = new CommandView(command);
        statusBar = new StatusBarView(status, connection, Bindings.createStringBinding(
                () -> framing.appliedProperty().get() == null ? "" : framing.appliedProperty().get().describe(),
                framing.appliedProperty()));
        window = new MainWindow(new MainWindow.Parts(new ConnectionView(connection, profiles).root(),
                new FramingView(framing, detect).root(), framesView.root(), new RawView(raw).root(),
                commandView.root(), statusBar.root(), connection, frames, notices, settings,
                () -> PreferencesDialog.show(stage, settings), this::quit, () -> commandView.field().requestFocus()));
        window.setDividers(s.sidebarDivider(), s.consoleDivider());
        // the raw view captures afresh each time it is opened
        window.tabs().getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() == 1) {
                raw.refresh();
            }
        });
        if (s.selectedTab() >= 0 && s.selectedTab() < window.tabs().getTabs().size()) {
            window.tabs().getSelectionModel().select(s.selectedTab());
        }
        settings.darkProperty().addListener((o, a, b) -> Theme.apply(b));
        settings.settingsProperty().addListener((o, a, b) -> {
            if (b.frameCap() != frames.capProperty().get()) {
                frames.setCap(b.frameCap());
            }
        });
        frames.formatProperty().addListener((o, a, b) -> settings.update(x -> x.withHexContent(b == ContentFormat.HEX)));

        // Plot tab, block viewer, session log (issue 8)
        plot = new org.streamframer.app.plot.PlotViewModel(plotThreads.runtime());
        connection.currentProperty().addListener((o, a, b) -> plot.setQueryFunction(
                b == null ? null : (cmd, timeout) -> b.session().query(cmd, timeout).text()));
        window.addFeature(new Feature("Plot", org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHART_LINE,
                new org.streamframer.app.plot.PlotView(plot)));
        blocks = new org.streamframer.app.blocks.BlockWindow(() -> stage, dispatcher::background, dispatcher::ui);
        command.setBlockViewer(blocks::show);
        command.autoOpenBlocksProperty().set(s.blockViewerAuto());
        command.autoOpenBlocksProperty().addListener((o, a, b) -> settings.update(x -> x.withBlockViewerAuto(b)));
        settings.settingsProperty().addListener((o, a, b) -> command.autoOpenBlocksProperty().set(b.blockViewerAuto()));
        frames.setBlockViewer((source, bytes, found) -> blocks.show(source, bytes, found, true));
        sessionLog = new org.streamframer.app.log.SessionLogViewModel(new org.streamframer.app.log.FrameSource(
                connection::addListener, connection::removeListener), dispatcher::ui, dispatcher::background);
        sessionLog.rawDirectionsProperty().set(s.rawLog());
        sessionLog.rawDirectionsProperty().addListener((o, a, b) -> settings.update(x -> x.withRawLog(b)));
        sessionLog.errorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                notices.error(b);
            }
        });
        org.streamframer.app.log.SessionLogMenu logMenu = new org.streamframer.app.log.SessionLogMenu(sessionLog,
                f -> org.streamframer.app.log.LogViewerWindow.open(stage, f.toPath(), sessionLog, dispatcher,
                        frames.capProperty().get()));
        window.addMenu(logMenu.menu());
        window.addFileItem(logMenu.openLogItem());
        window.saveLogActionProperty().set(logMenu.startJsonl());
    }

    /** Shows the window in {@code stage}, restores its size, then loads the last profile and connects. */
    public void show(Stage stage) {
        this.stage = stage;
        AppSettings s = settings.get();
        Theme.apply(settings.darkProperty().get());
        Scene scene = new Scene(window.root(), s.width(), s.height());
        scene.getStylesheets().add(Theme.consoleCss());
        stage.setScene(scene);
        stage.setTitle("Streamframer Console");
        if (s.x() >= 0 && s.y() >= 0) {
            stage.setX(s.x());
            stage.setY(s.y());
        }
        stage.setMaximized(s.maximized());
        stage.setOnCloseRequest(e -> saveWindow());
        stage.show();
        command.load();
        profiles.load(s.lastProfile(), connection::connect);
    }

    /** The open connection, or null. */
    public ActiveConnection current() {
        return connection.currentProperty().get();
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public FramingViewModel framing() {
        return framing;
    }

    public FramesViewModel frames() {
        return frames;
    }

    public CommandViewModel command() {
        return command;
    }

    public ProfilesViewModel profiles() {
        return profiles;
    }

    public DetectViewModel detect() {
        return detect;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public NotificationCenter notices() {
        return notices;
    }

    public org.streamframer.app.plot.PlotViewModel plot() {
        return plot;
    }

    public org.streamframer.app.log.SessionLogViewModel sessionLog() {
        return sessionLog;
    }

    /** The block viewer's window (shown when a block arrives or the user opens one). */
    public org.streamframer.app.blocks.BlockWindow blocks() {
        return blocks;
    }

    public MainWindow window() {
        return window;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Remembers the window and layout, closes the connection and writes pending saves. Blocking (exit). */
    public void shutdown() {
        saveWindow();
        statusBar.stop();
        plot.close();
        plotThreads.close();
        sessionLog.stop();
        connection.shutdown();
        settings.flush();
        profiles.flush();
    }

    private void saveWindow() {
        if (stage == null || stage.getScene() == null) {
            return;
        }
        double[] d = window.dividers();
        int tab = window.tabs().getSelectionModel().getSelectedIndex();
        boolean max = stage.isMaximized();
        settings.update(x -> {
            AppSettings y = max ? x.withWindow(x.x(), x.y(), x.width(), x.height(), true)
                    : x.withWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            return y.withLayout(d[0], d[1], tab);
        });
    }

    private void quit() {
        saveWindow();
        if (stage != null) {
            stage.close();
        }
        javafx.application.Platform.exit();
    }
}
