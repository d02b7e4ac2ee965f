package org.streamframer.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the packaging build put things, as the pom tells the integration tests through system
 * properties ({@code packaging.*}, see the failsafe configuration in packaging/pom.xml).
 */
final class Build {
    private Build() {
    }

    static String property(String name) {
        String value = System.getProperty("packaging." + name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property packaging." + name
                    + " is not set: run these tests through Maven (mvn -pl packaging -am verify)");
        }
        return value;
    }

    static Path target() {
        return Path.of(property("target"));
    }

    /** The numeric version jpackage was given, e.g. 0.1.0 for 0.1.0-SNAPSHOT. */
    static String version() {
        return property("version");
    }

    static String cliName() {
        return property("cliName");
    }

    static String appName() {
        return property("appName");
    }

    static String mainModule() {
        return property("mainModule");
    }

    static Path mods() {
        return existing(target().resolve("mods"));
    }

    static Path runtime() {
        return existing(target().resolve("runtime"));
    }

    static Path appImage() {
        return existing(target().resolve("app-image").resolve(property("appImageDir")));
    }

    /** The single installer of the given extension (deb, msi, dmg) in target/installer. */
    static Path installer(String extension) throws IOException {
        Path dir = existing(target().resolve("installer"));
        List<Path> found;
        try (Stream<Path> files = Files.list(dir)) {
            found = files.filter(p -> p.getFileName().toString().endsWith("." + extension))
                    .collect(Collectors.toList());
        }
        if (found.size() != 1) {
            throw new IllegalStateException("expected exactly one ." + extension + " in " + dir
                    + ", found " + found.size() + ": " + found);
        }
        return found.get(0);
    }

    static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " does not exist: the packaging build did not make it");
        }
        return path;
    }
}
