package org.streamframer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The MVVM rule as a test for the console's own features (connection, frames, command, settings,
 * ui): ViewModels hold logic and properties, never nodes, stages or Platform; View handlers are
 * one line.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/streamframer/app");
    private static final List<String> OWN = List.of("connection", "frames", "command", "settings", "ui");

    private static boolean own(Path p) {
        return OWN.contains(MAIN.relativize(p).getName(0).toString());
    }
    private static final Pattern UI_IMPORT = Pattern.compile(
            "^import\\s+javafx\\.(scene|stage|application|animation)\\.", Pattern.MULTILINE);

    @Test
    void viewModelsNeverTouchTheSceneGraphOrTheFxThread() throws IOException {
        List<Path> vms;
        try (Stream<Path> s = Files.walk(MAIN)) {
            vms = s.filter(p -> p.getFileName().toString().endsWith("ViewModel.java")).filter(ArchitectureTest::own)
                    .toList();
        }
        assertTrue(vms.size() >= 9, "found the ViewModels: " + vms);
        for (Path p : vms) {
            String src = Files.readString(p);
            assertTrue(!UI_IMPORT.matcher(src).find() && !src.contains("Platform.runLater"),
                    p + " imports UI classes or uses Platform directly");
        }
    }

    @Test
    void viewsHaveOneLineHandlers() throws IOException {
        List<Path> views;
        try (Stream<Path> s = Files.walk(MAIN)) {
            views = s.filter(p -> p.getFileName().toString().endsWith("View.java")).filter(ArchitectureTest::own)
                    .toList();
        }
        Pattern blockHandler = Pattern.compile("setOn(Action|KeyPressed)\\(e -> \\{");
        for (Path p : views) {
            assertEquals(false, blockHandler.matcher(Files.readString(p)).find(), p + " has a multi-line action handler");
        }
    }
}
