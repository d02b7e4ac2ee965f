package org.streamframer.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A failure the CLI reports as one line on stderr with its exit code: {@link Cli#EXIT_FAILED},
 * {@link Cli#EXIT_TIMEOUT} or {@link Cli#EXIT_INSTRUMENT_ERROR}.
 */
final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /** Why a file could not be read or written, in words: "no such file or directory", "No space left on device". */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** "cannot write FILE: reason", exit 1. */
    static CliFailure cannotWrite(Path file, IOException e) {
        return new CliFailure(Cli.EXIT_FAILED, "cannot write " + file + ": " + reason(e), e);
    }
}
