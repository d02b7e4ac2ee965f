package org.streamframer.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.streamframer.framing.FrameRule;
import org.streamframer.framing.rules.IeeeBlock;
import org.streamframer.framing.scpi.InstrumentError;
import org.streamframer.framing.scpi.InstrumentSession;
import org.streamframer.framing.scpi.QueryTimeoutException;
import org.streamframer.framing.scpi.Response;
import org.streamframer.framing.scpi.Terminator;
import org.streamframer.framing.transport.TransportFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code streamframer query}: sends each command, prints each answer. Commands containing
 * {@code ?} are queries; others are written. After each command the instrument's error queue is
 * read ({@code SYST:ERR?}) and an error ends the run with exit code 4.
 */
@Command(name = "query", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Send SCPI commands and print the answers: text as text, a block as its length and hex"
                + " (or its raw bytes to --out).",
                "Example: streamframer query --tcp 127.0.0.1:5025 '*IDN?' 'MEAS:VOLT:DC?'"})
final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--rule", paramLabel = "RULE", defaultValue = "scpi",
            description = "How answers are framed (default: ${DEFAULT-VALUE}): scpi, lines, lf, crlf, cr, eot, ...")
    String rule;

    @Option(names = "--terminator", paramLabel = "T", defaultValue = "lf",
            description = "What ends each command: lf, crlf, cr, none (default: ${DEFAULT-VALUE}).")
    String terminator;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "5000",
            description = "How long to wait for each answer, in ms (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the data of block answers (IEEE 488.2 #...) to FILE instead of printing their hex.")
    Path out;

    @Option(names = "--no-check-errors", negatable = false,
            description = "Do not read the error queue (SYST:ERR?) after each command (for non-SCPI devices).")
    boolean noCheckErrors;

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "SCPI commands, e.g. '*IDN?' 'CONF:VOLT:DC 10'.")
    List<String> commands;

    @Override
    public Integer call() throws Exception {
        TransportFactory factory = connection.factory("");
        FrameRule frameRule = Args.rule(spec, rule);
        Terminator term = Args.terminator(spec, terminator);
        if (timeoutMs < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 ms: " + timeoutMs);
        }
        Duration timeout = Duration.ofMillis(timeoutMs);
        PrintWriter pw = spec.commandLine().getOut();
        try (OutputStream blocks = openOut();
             InstrumentSession session = connect(factory, term)) {
            if (!rule.equalsIgnoreCase("scpi")) {
                session.reader().setRule(frameRule);
            }
            long blockBytes = 0;
            for (String command : commands) {
                if (command.contains("?")) {
                    Response r = ask(session, command, timeout);
                    try {
                        blockBytes += print(r, pw, blocks);
                    } catch (IOException e) {
                        throw CliFailure.cannotWrite(out, e); // only the --out file throws
                    }
                } else {
                    session.write(command);
                }
                pw.flush();
                if (!noCheckErrors) {
                    checkErrors(session, command, timeout);
                }
            }
            if (out != null) {
                pw.println("wrote " + blockBytes + " bytes of block data to " + out);
            }
        }
        return Cli.EXIT_OK;
    }

    /** The --out file (created or truncated before connecting, so a bad path fails at once), or null. */
    private OutputStream openOut() throws CliFailure {
        if (out == null) {
            return null;
        }
        try {
            return Files.newOutputStream(out);
        } catch (IOException e) {
            throw CliFailure.cannotWrite(out, e);
        }
    }

    private InstrumentSession connect(TransportFactory factory, Terminator term) throws CliFailure {
        try {
            return InstrumentSession.open(factory, term, Duration.ofMillis(connection.connectTimeoutMs + 2000L));
        } catch (IOException e) {
            throw new CliFailure(Cli.EXIT_FAILED, "cannot connect: " + e.getMessage(), e);
        }
    }

    private Response ask(InstrumentSession session, String command, Duration timeout) throws IOException, CliFailure {
        try {
            return session.query(command, timeout);
        } catch (QueryTimeoutException e) {
            if (!noCheckErrors) {
                List<InstrumentError> errors = errorsAfterTimeout(session, timeout);
                if (!errors.isEmpty()) {
                    throw new CliFailure(Cli.EXIT_INSTRUMENT_ERROR, "'" + command + "': no answer in "
                            + timeout.toMillis() + " ms; the instrument reports " + join(errors), e);
                }
            }
            throw new CliFailure(Cli.EXIT_TIMEOUT, "'" + command + "': " + e.getMessage(), e);
        }
    }

    /** The error queue after a timed-out query; empty if it cannot be read either. */
    private static List<InstrumentError> errorsAfterTimeout(InstrumentSession session, Duration timeout) {
        try {
            return session.errors(timeout);
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private static void checkErrors(InstrumentSession session, String command, Duration timeout)
            throws IOException, CliFailure {
        List<InstrumentError> errors;
        try {
            errors = session.errors(timeout);
        } catch (QueryTimeoutException e) {
            throw new CliFailure(Cli.EXIT_TIMEOUT, "'" + command + "' sent, but SYST:ERR? got no answer in "
                    + timeout.toMillis() + " ms (not an SCPI instrument? use --no-check-errors)", e);
        }
        if (!errors.isEmpty()) {
            throw new CliFailure(Cli.EXIT_INSTRUMENT_ERROR, "'" + command + "': instrument error " + join(errors));
        }
    }

    private static String join(List<InstrumentError> errors) {
        return errors.stream().map(e -> e.code() + ",\"" + e.message() + "\"").collect(Collectors.joining("; "));
    }

    /**
     * Prints one answer; returns the block bytes written to {@code blocks}. Text prints as text; a
     * block as {@code block N bytes: <hex>}, or, with {@code --out}, its data goes to the file and
     * the line shows {@code (block N bytes)} only where text surrounds it ({@code WAV:DATA?;*OPC?}).
     */
    private static long print(Response r, PrintWriter pw, OutputStream blocks) throws IOException {
        if (!r.hasBlock()) {
            pw.println(r.text());
            return 0;
        }
        byte[] b = r.bytes();
        StringBuilder line = new StringBuilder();
        boolean hasText = false;
        long written = 0;
        int pos = 0;
        for (int i = 0; i < r.blocks().size(); i++) {
            IeeeBlock block = r.blocks().get(i);
            int header = headerStart(b, pos, block.offset());
            hasText |= header > pos;
            line.append(new String(b, pos, header - pos, StandardCharsets.ISO_8859_1));
            byte[] data = r.blockData(i);
            if (blocks != null) {
                blocks.write(data);
                written += data.length;
                line.append("(block ").append(data.length).append(" bytes)");
            } else {
                line.append("block ").append(data.length).append(" bytes: ").append(HexFormat.of().formatHex(data));
            }
            pos = block.offset() + block.length();
        }
        String rest = new String(b, pos, b.length - pos, StandardCharsets.ISO_8859_1).stripTrailing();
        hasText |= !rest.isEmpty();
        line.append(rest);
        if (blocks == null || hasText) {
            pw.println(line);
        }
        return written;
    }

    /** Where the {@code #} of the block whose data starts at {@code dataOffset} is. */
    private static int headerStart(byte[] b, int from, int dataOffset) {
        for (int i = dataOffset - 1; i >= from; i--) {
            if (b[i] == '#') {
                return i;
            }
        }
        return dataOffset;
    }
}
