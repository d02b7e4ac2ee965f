package org.streamframer.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The jlink runtime holds what the app needs and nothing else. */
class RuntimeImageIT {

    @Test
    void runtimeHoldsExactlyTheModulesTheAppRequires() throws IOException {
        Set<String> expected = Configuration.empty()
                .resolve(ModuleFinder.compose(ModuleFinder.ofSystem(), ModuleFinder.of(Build.mods())),
                        ModuleFinder.of(), Set.of(Build.mainModule()))
                .modules().stream().map(ResolvedModule::name)
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> actual = new TreeSet<>(releaseModules(Build.runtime()));

        assertEquals(expected, actual, "modules in the runtime vs the requires-closure of " + Build.mainModule());
        for (String unwanted : List.of("jdk.compiler", "jdk.jshell", "jdk.jdwp.agent", "java.se", "javafx.web")) {
            assertFalse(actual.contains(unwanted), unwanted + " must not be in the runtime");
        }
    }

    @Test
    void theAppImageRunsOnThatRuntime() throws IOException {
        Path imageRuntime = Build.appImage().resolve("lib").resolve("runtime");
        assertEquals(releaseModules(Build.runtime()), releaseModules(imageRuntime));
    }

    @Test
    void runtimeHasNoHeadersManPagesOrJdkCommands() {
        Path runtime = Build.runtime();
        assertFalse(Files.exists(runtime.resolve("include")), "include/ (--no-header-files)");
        assertFalse(Files.exists(runtime.resolve("man")), "man/ (--no-man-pages)");
        assertFalse(Files.exists(runtime.resolve("bin").resolve("java")), "bin/java (--strip-native-commands)");
        assertFalse(Files.exists(runtime.resolve("bin").resolve("javac")), "bin/javac");
    }

    /**
     * JavaFX's native libraries sit in the runtime's lib directory, where JavaFX loads them
     * directly, and are not kept a second time inside the module image.
     */
    @Test
    void javafxNativeLibrariesAreInLibNotInTheModuleImage() throws IOException {
        List<String> natives = javafxGraphicsNatives();
        assertTrue(natives.contains("libglassgtk3.so"), "javafx-graphics natives: " + natives);

        Path lib = Build.runtime().resolve("lib");
        for (String name : natives) {
            assertTrue(Files.isRegularFile(lib.resolve(name)), name + " in " + lib);
        }
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"),
                Map.of("java.home", Build.runtime().toString()))) {
            Path graphics = jrt.getPath("/modules/javafx.graphics");
            assertTrue(Files.isDirectory(graphics), "javafx.graphics is in the runtime");
            for (String name : natives) {
                assertFalse(Files.exists(graphics.resolve(name)), name + " is also inside the module image");
            }
        }
    }

    private static List<String> javafxGraphicsNatives() throws IOException {
        Path jar;
        try (var files = Files.list(Build.mods())) {
            jar = files.filter(p -> p.getFileName().toString().matches("javafx-graphics-.*-linux\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no javafx-graphics linux jar in " + Build.mods()));
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(e -> e.getName()).filter(n -> !n.contains("/") && n.endsWith(".so"))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** MODULES="a b c" from the runtime's release file. */
    private static Set<String> releaseModules(Path runtime) throws IOException {
        Properties release = new Properties();
        try (var in = Files.newInputStream(runtime.resolve("release"))) {
            release.load(in);
        }
        String modules = release.getProperty("MODULES");
        if (modules == null) {
            throw new AssertionError("no MODULES in " + runtime.resolve("release"));
        }
        return new TreeSet<>(Arrays.asList(modules.replace("\"", "").trim().split("\\s+")));
    }
}
