package org.streamframer.app;

import java.io.IOException;
import java.nio.file.Path;

import javafx.application.Application;
import javafx.stage.Stage;

import org.streamframer.app.connection.BuiltInSimulator;
import org.streamframer.app.connection.SerialPorts;
import org.streamframer.app.settings.AppSettings;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.ui.FxDispatcher;
import org.streamframer.app.ui.SettingsViewModel;
import org.streamframer.app.ui.UncaughtErrors;
import org.streamframer.app.ui.Workbench;

/**
 * The Streamframer Console. On first start it opens the built-in simulated instrument; later it
 * restores the last profile, window and layout. {@code --config-dir=DIR} overrides where
 * settings live (default {@code ~/.config/streamframer}).
 */
public final class ConsoleApp extends Application {

    private FxDispatcher dispatcher;
    private Workbench workbench;
    private ConfigDir config;
    private AppSettings initial = AppSettings.defaults();
    private IOException settingsError;

    /** Off the FX thread: find the config directory and read the settings the window needs. */
    @Override
    public void init() {
        String dir = getParameters().getNamed().get("config-dir");
        config = dir != null ? new ConfigDir(Path.of(dir)) : ConfigDir.forUser();
        try {
            initial = SettingsViewModel.read(config);
        } catch (IOException e) {
            settingsError = e;
        }
    }

    @Override
    public void start(Stage stage) {
        dispatcher = new FxDispatcher();
        workbench = new Workbench(config, initial, dispatcher, SerialPorts.system(), new BuiltInSimulator());
        UncaughtErrors.install(workbench.notices());
        if (settingsError != null) {
            workbench.notices().error("The saved settings could not be read; using defaults", settingsError);
        }
        workbench.show(stage);
        StartupReport.installIfRequested(stage.getScene(), workbench.frames().rows());
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.shutdown();
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
