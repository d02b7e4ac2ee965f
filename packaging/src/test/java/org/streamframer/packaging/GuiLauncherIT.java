package org.streamframer.packaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.connection.ConnectionProfile;
import org.streamframer.app.connection.ProfileStore;
import org.streamframer.app.settings.ConfigDir;

/**
 * The GUI launcher of the app image opens the console on a real (virtual) X display, connects
 * to its built-in simulator and shows the simulator's first answer in the frames table, with
 * JavaFX's native libraries loaded from the runtime (not extracted to the user's home).
 * It prints the start-up times it saw; it asserts none (the CI machine is shared).
 */
@EnabledOnOs(OS.LINUX) // Xvfb, xwininfo, GTK
class GuiLauncherIT {
    /** Generous: the CI machine has 2 shared cores. */
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** {@code streamframer startup: first received frame shown 1104 ms after process start} (StartupReport). */
    private static final Pattern WINDOW_SHOWN =
            Pattern.compile("streamframer startup: window shown (\\d+) ms after process start");
    private static final Pattern FIRST_FRAME =
            Pattern.compile("streamframer startup: first received frame shown (\\d+) ms after process start");

    @Test
    void guiLauncherShowsTheSimulatorsFirstAnswer(@TempDir Path home, @TempDir Path config) throws Exception {
        Path launcher = Build.launcher(Build.appImage(), Build.appName());
        assertTrue(Files.isExecutable(launcher), launcher + " is executable");
        // a technician's saved profile: the built-in simulator, asked *IDN? on connect
        ConnectionProfile d = ConnectionProfile.defaultProfile();
        new ProfileStore(new ConfigDir(config)).save(List.of(new ConnectionProfile(
                d.name(), d.settings(), d.framing(), d.terminator(), List.of("*IDN?"), d.autoReconnect())));

        try (VirtualDisplay x = VirtualDisplay.start()) {
            long started = System.nanoTime();
            // JAVA_TOOL_OPTIONS reaches the JVM of a jpackage launcher; a scratch home shows
            // whether JavaFX extracted its libraries there
            try (Launched gui = Launched.start(Map.of(
                    "DISPLAY", x.display(),
                    "JAVA_TOOL_OPTIONS", "-Duser.home=" + home
                            + " -Djavafx.verbose=true -Dstreamframer.startupReport=true"),
                    List.of(launcher.toString(), "--config-dir=" + config))) {
                long viewable = awaitViewableWindow(x, gui, started);
                Matcher window = gui.awaitOutput(WINDOW_SHOWN, TIMEOUT);
                Matcher frame = gui.awaitOutput(FIRST_FRAME, TIMEOUT);
                System.out.println("GUI start-up from the app image under Xvfb: window viewable (xwininfo) "
                        + viewable + " ms after starting the launcher; the console reports: window shown "
                        + window.group(1) + " ms, first received frame shown " + frame.group(1) + " ms");

                String output = gui.output();
                String runtimeLib = Build.appImage().resolve("lib").resolve("runtime").resolve("lib").toString();
                assertTrue(output.contains("Loaded " + runtimeLib + "/libglassgtk3.so"),
                        "JavaFX loads its GTK glass library from the image's runtime; output:\n" + output);
                assertFalse(Files.exists(home.resolve(".openjfx")),
                        "JavaFX extracted native libraries to " + home.resolve(".openjfx"));
                assertFalse(output.contains("Exception"), "the console ran without exceptions; output:\n" + output);
                assertTrue(gui.isAlive(), "the GUI keeps running with its window open");
            }
        }
    }

    /** Milliseconds from {@code started} until a window titled like the app is mapped. */
    private static long awaitViewableWindow(VirtualDisplay x, Launched gui, long started) throws Exception {
        Optional<String> window = Optional.empty();
        long deadline = started + TIMEOUT.toNanos();
        while (window.isEmpty()) {
            if (!gui.isAlive()) {
                throw new AssertionError("the GUI exited before showing a window:\n" + gui.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no viewable window \"" + Build.appName() + "\" within " + TIMEOUT
                        + "; windows:\n" + x.xwininfo("-root", "-tree") + "\nGUI output:\n" + gui.output());
            }
            Thread.sleep(50);
            window = x.viewableWindow(Build.appName());
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
