package org.streamframer.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Minimal launcher; the console is built in its own issue. */
public final class ConsoleApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Streamframer Console");
        stage.setScene(new Scene(new Label("Streamframer Console"), 640, 400));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
