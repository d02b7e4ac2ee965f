package org.streamframer.app;

import javafx.application.Application;

/**
 * Entry point of the GUI launcher ("Streamframer Console" in the app image and installers,
 * and class-path launches).
 *
 * <p>A plain class, not the {@link Application} subclass itself, so that the launcher's main
 * class never needs the JavaFX launcher checks that apply when the main class extends
 * {@code Application}.
 */
public final class Main {
    private Main() {
    }

    /** Starts the console; {@code args} are passed to {@link ConsoleApp} unchanged. */
    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
