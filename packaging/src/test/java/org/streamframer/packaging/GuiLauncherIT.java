package org.streamframer.packaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GUI launcher of the app image opens the console's window on a real (virtual) X display,
 * with JavaFX's native libraries loaded from the runtime, not extracted to the user's home.
 */
class GuiLauncherIT {
    /** Generous: the CI machine has 2 shared cores. The measured time is printed, not asserted. */
    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void guiLauncherShowsTheConsoleWindow(@TempDir Path home) throws Exception {
        Path launcher = Build.appImage().resolve("bin").resolve(Build.appName());
        assertTrue(Files.isExecutable(launcher), launcher + " is executable");

        try (VirtualDisplay x = VirtualDisplay.start()) {
            long started = System.nanoTime();
            // JAVA_TOOL_OPTIONS reaches the JVM of a jpackage launcher; a scratch home keeps the
            // test away from the user's preferences and shows where JavaFX put its libraries
            try (Launched gui = Launched.start(Map.of(
                    "DISPLAY", x.display(),
                    "JAVA_TOOL_OPTIONS", "-Duser.home=" + home + " -Djavafx.verbose=true"),
                    List.of(launcher.toString()))) {
                Optional<String> window = Optional.empty();
                long deadline = started + WINDOW_TIMEOUT.toNanos();
                while (window.isEmpty()) {
                    if (!gui.isAlive()) {
                        throw new AssertionError("the GUI exited before showing a window:\n" + gui.output());
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("no viewable window \"" + Build.appName() + "\" within "
                                + WINDOW_TIMEOUT + "; windows:\n" + x.xwininfo("-root", "-tree")
                                + "\nGUI output:\n" + gui.output());
                    }
                    Thread.sleep(50);
                    window = x.viewableWindow(Build.appName());
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.out.println("GUI window viewable " + millis + " ms after starting the launcher");

                String output = gui.output();
                String runtimeLib = Build.appImage().resolve("lib").resolve("runtime").resolve("lib").toString();
                assertTrue(output.contains("Loaded " + runtimeLib + "/libglassgtk3.so"),
                        "JavaFX loads its GTK glass library from the image's runtime; output:\n" + output);
                assertFalse(Files.exists(home.resolve(".openjfx")),
                        "JavaFX extracted native libraries to " + home.resolve(".openjfx"));
                assertTrue(gui.isAlive(), "the GUI keeps running with its window open");
            }
        }
    }
}
