package org.streamframer.app.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The directory where the console keeps its settings, profiles, history and favourites.
 * {@code $XDG_CONFIG_HOME/streamframer}, else {@code ~/.config/streamframer}; the system
 * property {@code streamframer.config.dir} overrides both. Tests pass their own directory.
 */
public record ConfigDir(Path path) {

    public ConfigDir {
        Objects.requireNonNull(path, "path");
    }

    /** The user's directory, from the environment and system properties. */
    public static ConfigDir forUser() {
        return resolve(System.getProperties().getProperty("streamframer.config.dir"), System.getenv(),
                System.getProperty("user.home"));
    }

    static ConfigDir resolve(String override, Map<String, String> env, String home) {
        if (override != null && !override.isBlank()) {
            return new ConfigDir(Path.of(override));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new ConfigDir(Path.of(xdg, "streamframer"));
        }
        return new ConfigDir(Path.of(home, ".config", "streamframer"));
    }

    /** A file in the directory. */
    public Path file(String name) {
        return path.resolve(name);
    }
}
