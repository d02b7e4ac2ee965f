package org.streamframer.app.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.streamframer.framing.scpi.QueryTimeoutException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code streamframer}: the headless command line of Streamframer ({@code bin/streamframer}).
 *
 * <pre>
 *   streamframer sim [--port P] [--bind ADDR] [--serial PATH] [--terminator lf|crlf|cr]
 *   streamframer query (--tcp HOST:PORT | --serial PATH | --resource VISA) [--timeout MS] [--out FILE] COMMAND...
 *   streamframer monitor (--tcp HOST:PORT | --listen HOST:PORT | --serial PATH | --resource VISA) --rule RULE
 *                        [--count N] [--format text|hex|jsonl|raw] [--out FILE]
 *   streamframer fstrm-capture --listen HOST:PORT --type CONTENT_TYPE [--count N] --out FILE
 *   streamframer fstrm-replay (--tcp HOST:PORT | --resource VISA) --type CONTENT_TYPE FILE
 * </pre>
 *
 * Every failure is one line on stderr, {@code streamframer <command>: <what happened>}, and an
 * exit code: {@value #EXIT_FAILED} (connection refused, I/O, protocol), {@value #EXIT_USAGE}
 * (bad arguments), {@value #EXIT_TIMEOUT} (no answer in time), {@value #EXIT_INSTRUMENT_ERROR}
 * (the instrument's error queue reported an error).
 */
@Command(name = "streamframer", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Frames byte streams from bench instruments: a simulated instrument, SCPI queries,"
                + " a frame monitor and Frame Streams capture/replay.",
        subcommands = {SimCommand.class, QueryCommand.class, MonitorCommand.class,
                FstrmCaptureCommand.class, FstrmReplayCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  failure (connection refused, I/O error, protocol error)",
                "  2  bad arguments", "  3  timeout", "  4  the instrument reported an error (SYST:ERR?)"})
public final class Cli implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_TIMEOUT = 3;
    public static final int EXIT_INSTRUMENT_ERROR = 4;

    private static final String COMMANDS = "sim, query, monitor, fstrm-capture, fstrm-replay";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command (" + COMMANDS + ")");
    }

    /** A command line with the CLI's error handling: one line on stderr, exit 2 for bad arguments. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Cli());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            String message = ex.getMessage();
            if (ex instanceof UnmatchedArgumentException u && c.getParent() == null && !u.getUnmatched().isEmpty()
                    && !u.getUnmatched().get(0).startsWith("-")) {
                message = "unknown command '" + u.getUnmatched().get(0) + "' (" + COMMANDS + ")";
            }
            c.getErr().println(name + ": " + message + " (see '" + name + " --help')");
            c.getErr().flush();
            return EXIT_USAGE;
        });
        cmd.setExecutionStrategy(parseResult -> {
            int code = new CommandLine.RunLast().execute(parseResult);
            PrintWriter out = cmd.getOut();
            if (code == EXIT_OK && out.checkError()) {
                // a PrintWriter keeps write errors to itself: a full disk or a closed pipe would pass as success
                List<CommandLine> ran = parseResult.asCommandLineList();
                PrintWriter err = cmd.getErr();
                err.println(ran.get(ran.size() - 1).getCommandSpec().qualifiedName() + ": " + stdoutFailure());
                err.flush();
                return EXIT_FAILED;
            }
            return code;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + describe(ex));
            c.getErr().flush();
            return exitCode(ex);
        });
        return cmd;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof CliFailure f) {
            return f.exitCode();
        }
        if (ex instanceof QueryTimeoutException || ex instanceof java.net.SocketTimeoutException) {
            return EXIT_TIMEOUT;
        }
        return EXIT_FAILED;
    }

    static String describe(Throwable ex) {
        String m = ex.getMessage();
        if (ex instanceof CliFailure || ex instanceof IOException) {
            return m == null ? ex.getClass().getSimpleName() : m;
        }
        return ex.getClass().getName() + (m == null ? "" : ": " + m);
    }

    public static void main(String[] args) {
        CommandLine cmd = commandLine();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new StdoutStream(new FileOutputStream(FileDescriptor.out)), StandardCharsets.UTF_8), 1 << 16), false);
        cmd.setOut(out);
        // Ctrl-C (SIGINT, SIGTERM): interrupt the command so it ends the way it ends normally
        // (monitor writes out what it received), and let the JVM exit when it has, or after 5 s
        Thread main = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            main.interrupt();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cli-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = cmd.execute(args);
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // interrupted by a signal: the JVM is exiting already (status 128 + signal)
        }
        System.exit(code);
    }

    /** The first error writing stdout in {@link #main} (a PrintWriter only says that one happened). */
    private static volatile IOException stdoutError;

    /** "cannot write stdout: No space left on device", for when the out PrintWriter reports an error. */
    static String stdoutFailure() {
        IOException e = stdoutError;
        return "cannot write stdout" + (e == null ? "" : ": " + CliFailure.reason(e));
    }

    /** stdout, remembering its first error for {@link #stdoutFailure()}. */
    private static final class StdoutStream extends FilterOutputStream {
        StdoutStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private static void remember(IOException e) {
            if (stdoutError == null) {
                stdoutError = e;
            }
        }
    }

    /** The version from the build ({@code version.properties}, filtered by Maven). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"streamframer " + version()};
        }

        static String version() throws IOException {
            try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IOException("version.properties is missing from the build");
                }
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version");
            }
        }
    }
}
