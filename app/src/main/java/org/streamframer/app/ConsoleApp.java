package org.streamframer.app;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.stage.Stage;

import org.streamframer.app.connection.BuiltInSimulator;
import org.streamframer.app.connection.SerialPorts;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.ui.FxDispatcher;
import org.streamframer.app.ui.Workbench;

/**
 * The Streamframer Console. On first start it opens the built-in simulated instrument; later it
 * restores the last profile, window and layout. {@code --config-dir=DIR} overrides where
 * settings live (default {@code ~/.config/streamframer}).
 */
public final class ConsoleApp extends Application {

    private FxDispatcher dispatcher;
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        String dir = getParameters().getNamed().get("config-dir");
        ConfigDir config = dir != null ? new ConfigDir(Path.of(dir)) : ConfigDir.forUser();
        dispatcher = new FxDispatcher();
        workbench = new Workbench(config, dispatcher, SerialPorts.system(), new BuiltInSimulator());
        Thread.setDefaultUncaughtExceptionHandler(
                (t, e) -> workbench.notices().error("Unexpected problem in " + t.getName(), e));
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
