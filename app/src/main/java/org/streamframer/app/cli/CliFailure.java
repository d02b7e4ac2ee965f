package org.streamframer.app.cli;

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
}
