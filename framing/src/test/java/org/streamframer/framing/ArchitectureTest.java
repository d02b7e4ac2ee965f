package org.streamframer.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layout tells the architecture: {@code app -> framing}, never back. The library must stay
 * usable alone, so its sources import neither JavaFX, nor AWT/Swing, nor the console.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(javafx\\.|java\\.awt\\.|javax\\.swing\\.|org\\.streamframer\\.app\\.)",
            Pattern.MULTILINE);

    @Test
    void framingImportsNeitherJavaFxNorTheApp() {
        List<String> offenders = javaFiles().filter(f -> FORBIDDEN.matcher(read(f)).find())
                .map(Path::toString).collect(Collectors.toList());
        assertEquals(List.of(), offenders, "framing sources importing the UI or the app");
    }

    @Test
    void theModuleRequiresNoUiModule() {
        String moduleInfo = read(SOURCES.resolve("module-info.java"));
        assertTrue(!moduleInfo.contains("requires javafx") && !moduleInfo.contains("requires java.desktop")
                && !moduleInfo.contains("org.streamframer.app"), moduleInfo);
    }

    @Test
    void frameStreamsNeverUsesTheRulesPackage() {
        // Rules.fstrm() makes rules -> fstrm; fstrm -> rules would make the two packages a cycle
        Path fstrm = SOURCES.resolve("org/streamframer/framing/fstrm");
        List<String> offenders = javaFiles().filter(f -> f.startsWith(fstrm))
                .filter(f -> read(f).contains("org.streamframer.framing.rules"))
                .map(Path::toString).collect(Collectors.toList());
        assertTrue(javaFiles().anyMatch(f -> f.startsWith(fstrm)), "no sources under " + fstrm);
        assertEquals(List.of(), offenders, "fstrm sources using org.streamframer.framing.rules");
    }

    @Test
    void theScanSeesTheSources() {
        // guards the two tests above against passing because they looked at nothing
        assertTrue(javaFiles().count() > 20, "found too few sources under " + SOURCES.toAbsolutePath());
    }

    private static Stream<Path> javaFiles() {
        try {
            return Files.walk(SOURCES).filter(p -> p.toString().endsWith(".java"))
                    .collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
