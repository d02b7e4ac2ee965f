package org.streamframer.app;

import javafx.application.Application;

/**
 * Plain entry point for class-path launches and jpackage: a main class that is not an
 * {@code Application} lets the JavaFX runtime start from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
