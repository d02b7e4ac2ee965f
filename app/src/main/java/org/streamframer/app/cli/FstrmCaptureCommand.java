package org.streamframer.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;

import org.streamframer.framing.fstrm.FstrmFileWriter;
import org.streamframer.framing.fstrm.FstrmReceiver;
import org.streamframer.framing.fstrm.FstrmResult;
import org.streamframer.framing.fstrm.FstrmRule;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code streamframer fstrm-capture}: accepts one Frame Streams sender (bidirectional handshake:
 * READY/ACCEPT/START ... STOP/FINISH) and writes what it sends to a Frame Streams file, as
 * {@code fstrm_capture -w} does.
 */
@Command(name = "fstrm-capture", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Receive one Frame Streams connection and write it to a Frame Streams file.",
                "Example: streamframer fstrm-capture --listen 127.0.0.1:6000 --type protobuf:dnstap.Dnstap --out dns.fstrm"})
final class FstrmCaptureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", required = true,
            description = "Address to listen on (port 0: any free port, printed to stderr).")
    String listen;

    @Option(names = "--type", paramLabel = "CONTENT_TYPE", required = true, description = "The content type accepted.")
    String type;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N data frames (default: until the sender's STOP).")
    Long count;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The Frame Streams file to write.")
    Path out;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "10000",
            description = "How long the sender's READY and START may each take, in ms (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Override
    public Integer call() throws Exception {
        HostPort hp;
        FstrmReceiver receiver;
        try {
            hp = HostPort.parse(listen);
            if (count != null && count < 1) {
                throw new IllegalArgumentException("--count must be at least 1: " + count);
            }
            receiver = new FstrmReceiver(Set.of(type), Duration.ofMillis(timeoutMs), FstrmRule.DEFAULT_MAX_DATA_LENGTH);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (ServerSocket server = bind(hp)) {
            err.println("listening on " + new HostPort(hp.host(), server.getLocalPort()));
            err.flush();
            try (Socket peer = server.accept(); FstrmFileWriter file = FstrmFileWriter.create(out, type)) {
                FstrmResult r = receiver.receive(peer.getInputStream(), peer.getOutputStream(), payload -> {
                    file.write(payload);
                    return count == null || file.framesWritten() < count;
                });
                PrintWriter pw = spec.commandLine().getOut();
                pw.println("captured " + r.dataFrames() + " frames (" + r.dataBytes() + " bytes) of " + type
                        + " from " + peer.getRemoteSocketAddress() + " to " + out
                        + (r.stopped() ? "" : " (stopped at --count " + count + ")"));
                pw.flush();
            }
        }
        return Cli.EXIT_OK;
    }

    private static ServerSocket bind(HostPort hp) throws CliFailure {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            try {
                s.bind(new java.net.InetSocketAddress(InetAddress.getByName(hp.host()), hp.port()), 1);
            } catch (IOException e) {
                s.close();
                throw e;
            }
            return s;
        } catch (IOException e) {
            throw new CliFailure(Cli.EXIT_FAILED, "cannot listen on " + hp + ": " + e.getMessage(), e);
        }
    }
}
