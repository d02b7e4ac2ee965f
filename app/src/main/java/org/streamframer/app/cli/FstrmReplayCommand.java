package org.streamframer.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.streamframer.framing.fstrm.FstrmFileReader;
import org.streamframer.framing.fstrm.FstrmSender;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code streamframer fstrm-replay}: sends a Frame Streams file to a receiver over TCP
 * (bidirectional handshake), as {@code fstrm_replay -r FILE -a HOST -p PORT} does.
 */
@Command(name = "fstrm-replay", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Send a Frame Streams file to a Frame Streams receiver over TCP.",
                "Example: streamframer fstrm-replay --tcp 127.0.0.1:6000 --type protobuf:dnstap.Dnstap dns.fstrm"})
final class FstrmReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--type", paramLabel = "CONTENT_TYPE", required = true,
            description = "The content type to send; the file's must be the same.")
    String type;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "10000",
            description = "How long the receiver's ACCEPT and FINISH may each take, in ms (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Parameters(paramLabel = "FILE", description = "The Frame Streams file to send.")
    Path file;

    @Override
    public Integer call() throws Exception {
        HostPort hp = connection.tcpEndpoint();
        try (FstrmFileReader reader = openFile()) {
            if (reader.contentType() != null && !reader.contentType().equals(type)) {
                throw new CliFailure(Cli.EXIT_FAILED, file + " holds content type \"" + reader.contentType()
                        + "\", not \"" + type + "\" (--type)");
            }
            try (Socket socket = connect(hp)) {
                FstrmSender sender = FstrmSender.open(socket.getInputStream(), socket.getOutputStream(), type,
                        Duration.ofMillis(timeoutMs));
                for (ByteBuffer payload = reader.next(); payload != null; payload = reader.next()) {
                    sender.send(payload);
                }
                sender.finish();
                PrintWriter pw = spec.commandLine().getOut();
                pw.println("sent " + sender.framesSent() + " frames (" + sender.bytesSent() + " bytes) of " + type
                        + " to " + hp);
                pw.flush();
            }
        }
        return Cli.EXIT_OK;
    }

    private FstrmFileReader openFile() throws CliFailure {
        try {
            return FstrmFileReader.open(file);
        } catch (IOException e) {
            throw new CliFailure(Cli.EXIT_FAILED, "cannot read " + file + ": " + CliFailure.reason(e), e);
        }
    }

    private Socket connect(HostPort hp) throws CliFailure {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(hp.host(), hp.port()), connection.connectTimeoutMs);
            return s;
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ce) {
                e.addSuppressed(ce);
            }
            throw new CliFailure(Cli.EXIT_FAILED, "cannot connect to " + hp + ": " + e.getMessage(), e);
        }
    }
}
