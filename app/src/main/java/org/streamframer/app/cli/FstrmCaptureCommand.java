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
import java.util.concurrent.CountDownLatch;

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
        PrintWriter pw = spec.commandLine().getOut();
        try (ServerSocket server = bind(hp); FstrmFileWriter file = create()) {
            err.println("listening on " + new HostPort(hp.host(), server.getLocalPort()));
            err.flush();
            Capture capture = new Capture(server, receiver, file);
            Thread worker = new Thread(capture, "fstrm-capture");
            worker.setDaemon(true);
            worker.start();
            try {
                FstrmResult r = capture.result();
                pw.println("captured " + r.dataFrames() + " frames (" + r.dataBytes() + " bytes) of " + type
                        + " from " + capture.peer().getRemoteSocketAddress() + " to " + out
                        + (r.stopped() ? "" : " (stopped at --count " + count + ")"));
            } catch (InterruptedException e) {
                // Ctrl-C: stop receiving; the file is closed (with its STOP frame) below
                capture.abort();
                worker.join(2000);
                pw.println("interrupted: captured " + file.framesWritten() + " frames of " + type + " to " + out);
                Thread.currentThread().interrupt();
            }
            pw.flush();
        }
        return Cli.EXIT_OK;
    }

    private FstrmFileWriter create() throws CliFailure {
        try {
            return FstrmFileWriter.create(out, type);
        } catch (IOException e) {
            throw CliFailure.cannotWrite(out, e);
        }
    }

    /** Accepts one peer and receives its stream, on the {@code fstrm-capture} thread; {@link #abort} ends it. */
    private final class Capture implements Runnable {
        private final ServerSocket server;
        private final FstrmReceiver receiver;
        private final FstrmFileWriter file;
        private final CountDownLatch finished = new CountDownLatch(1);
        private Socket peer;
        private boolean aborted;
        private FstrmResult result;
        private IOException error;

        Capture(ServerSocket server, FstrmReceiver receiver, FstrmFileWriter file) {
            this.server = server;
            this.receiver = receiver;
            this.file = file;
        }

        @Override
        public void run() {
            try (Socket s = server.accept()) {
                synchronized (this) {
                    if (aborted) {
                        return;
                    }
                    peer = s;
                }
                FstrmResult r = receiver.receive(s.getInputStream(), s.getOutputStream(), payload -> {
                    file.write(payload);
                    return count == null || file.framesWritten() < count;
                });
                synchronized (this) {
                    result = r;
                }
            } catch (IOException e) {
                synchronized (this) {
                    error = e;
                }
            } finally {
                finished.countDown();
            }
        }

        /** What was received; the receiver's I/O or protocol error is thrown. */
        FstrmResult result() throws InterruptedException, IOException {
            finished.await();
            synchronized (this) {
                if (error != null) {
                    throw error;
                }
                return result;
            }
        }

        synchronized Socket peer() {
            return peer;
        }

        /** Closes the listening socket and the peer's: a blocked accept or read ends. */
        void abort() {
            Socket p;
            synchronized (this) {
                aborted = true;
                p = peer;
            }
            closeQuietly(server);
            if (p != null) {
                closeQuietly(p);
            }
        }

        private void closeQuietly(java.io.Closeable c) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing to end a blocked call; the capture ends either way
            }
        }
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
