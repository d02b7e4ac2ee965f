package org.streamframer.app.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Where a session log goes: a file (created or truncated, or appended to) or a stream the
 * caller owns (stdout for the CLI). Opened on the writer's own thread, never the caller's.
 */
public interface LogTarget {

    /** Opens the stream; called once, on the writer thread. */
    OutputStream open() throws IOException;

    /** For messages: the path, or what the stream is. */
    String describe();

    /** Closes the stream when done (false for a stream the caller owns: it is only flushed). */
    default boolean closeWhenDone() {
        return true;
    }

    /** A file, created or truncated. */
    static LogTarget file(Path file) {
        return file(file, false);
    }

    /** A file, created, truncated or (with {@code append}) appended to. */
    static LogTarget file(Path file, boolean append) {
        Objects.requireNonNull(file, "file");
        return new LogTarget() {
            @Override
            public OutputStream open() throws IOException {
                return append
                        ? Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                                StandardOpenOption.WRITE)
                        : Files.newOutputStream(file);
            }

            @Override
            public String describe() {
                return file.toString();
            }
        };
    }

    /** A stream the caller owns (flushed, not closed, at the end). */
    static LogTarget stream(OutputStream out, String name) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(name, "name");
        return new LogTarget() {
            @Override
            public OutputStream open() {
                return out;
            }

            @Override
            public String describe() {
                return name;
            }

            @Override
            public boolean closeWhenDone() {
                return false;
            }
        };
    }
}
