package org.streamframer.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.streamframer.app.frames.Escapes;
import org.streamframer.app.log.BackgroundFrameWriter;
import org.streamframer.app.log.LogWriteException;
import org.streamframer.app.log.QueryPairing;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.reader.ConnectionState;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.ErrorEvent;
import org.streamframer.framing.reader.FrameEvent;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.reader.ReaderService;
import org.streamframer.framing.reader.StateEvent;
import org.streamframer.framing.scpi.Terminator;
import org.streamframer.framing.transport.TcpListenTransport;
import org.streamframer.framing.transport.TransportFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code streamframer monitor}: prints frames as they arrive, one per line, until {@code --count}
 * frames were received, the connection ends, or it is interrupted (Ctrl-C: what was received is
 * still written out). To stdout, output is buffered and flushed every 100 ms ({@code monitor-flush}
 * thread), so hundreds of thousands of frames per second can be printed. To a file ({@code --out}),
 * a session-log writer ({@link BackgroundFrameWriter}: {@code JsonlFrameWriter},
 * {@code RawFrameWriter} or {@link LineFrameWriter}) writes on its own thread from a bounded queue;
 * the command returns when the file holds every frame taken, and fails (exit 1, one line) when
 * the file cannot be written or the writer fell behind.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Print frames as they arrive, one per line.",
                "Example: streamframer monitor --tcp 127.0.0.1:5025 --rule lines --send 'SIM:STREAM 1000' --count 10"})
final class MonitorCommand implements Callable<Integer> {

    private static final long FLUSH_MILLIS = 100;
    /** Frames the --out writer queues at most (a few seconds of a fast stream). */
    static final int QUEUE_FRAMES = 1 << 18;
    /** How long the end of a run waits for the --out writer to write what it queued. */
    private static final long FINISH_SECONDS = 60;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Wait for one peer to connect to HOST:PORT (instead of connecting).")
    String listen;

    @Option(names = "--rule", paramLabel = "RULE", required = true,
            description = "How the bytes are framed: scpi, lines, lf, crlf, cr, eot, fstrm, slip, cobs, fixed:N, length:N, idle:MS, delimiter:HEX.")
    String rule;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N received frames.")
    Long count;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "text, hex, jsonl or raw (default: ${DEFAULT-VALUE}); jsonl is the session log's format and"
                    + " also shows what --send sent (dir TX); raw writes the frames' bytes back to back (--out only).")
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the frames to FILE instead of stdout (on a writer thread; complete when the command ends).")
    Path out;

    @Option(names = "--send", paramLabel = "TEXT",
            description = "Send TEXT plus the terminator once connected (repeatable), e.g. 'SIM:STREAM 100000';"
                    + " escapes \\r \\n \\t \\xHH stand for their bytes.")
    List<String> send = new ArrayList<>();

    @Option(names = "--terminator", paramLabel = "T", defaultValue = "lf",
            description = "What ends each --send text: lf, crlf, cr, none (default: ${DEFAULT-VALUE}).")
    String terminator;

    @Option(names = "--stats", description = "At the end, print frames, bytes and frames/s to stderr.")
    boolean stats;

    @Override
    public Integer call() throws Exception {
        FrameFormat fmt = parseFormat();
        if (!fmt.toStdout() && out == null) {
            throw new ParameterException(spec.commandLine(), "--format " + format + " needs --out FILE");
        }
        FrameRule frameRule = Args.rule(spec, rule);
        Terminator term = Args.terminator(spec, terminator);
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1: " + count);
        }
        for (String s : send) {
            try {
                Escapes.unescape(s);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--send '" + s + "': " + e.getMessage(), e);
            }
        }
        TcpListenTransport.Listener listener = null;
        TransportFactory factory;
        if (listen != null) {
            if (connection.given()) {
                throw new ParameterException(spec.commandLine(), "give either --listen or one of --tcp, --serial, --resource");
            }
            java.net.InetSocketAddress bind;
            try {
                bind = HostPort.parse(listen).toAddress();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--listen: " + e.getMessage(), e);
            }
            if (bind.isUnresolved()) {
                throw new CliFailure(Cli.EXIT_FAILED, "cannot listen on " + listen + ": unknown host '"
                        + bind.getHostString() + "'");
            }
            listener = TcpListenTransport.factory(bind);
            factory = listener;
        } else {
            factory = connection.factory(", --listen HOST:PORT");
        }
        try (TcpListenTransport.Listener l = listener) {
            if (l != null) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("listening on " + new HostPort(l.localAddress().getHostString(), l.localAddress().getPort()));
                err.flush();
            }
            return run(factory, frameRule, fmt, term);
        }
    }

    private int run(TransportFactory factory, FrameRule frameRule, FrameFormat fmt, Terminator term)
            throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch connected = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        long[] firstLast = new long[2];
        PrintWriter err = spec.commandLine().getErr();
        FrameSink sink = out != null ? new FileSink(fmt, out, done) : new StdoutSink(fmt, spec.commandLine().getOut(), done);
        ReaderListener l = new ReaderListener() {
            @Override
            public void onFrame(FrameEvent e) {
                if (done.getCount() == 0) {
                    return; // stopping: nothing after the count, a write failure or the end
                }
                boolean rx = e.direction() == Direction.RX;
                if (count != null && rx && received.get() >= count) {
                    return;
                }
                sink.frame(e);
                if (rx) {
                    long n = received.incrementAndGet();
                    bytes.addAndGet(e.bytes().length);
                    if (n == 1) {
                        firstLast[0] = e.monotonicNanos();
                    }
                    firstLast[1] = e.monotonicNanos();
                    if (count != null && n >= count) {
                        done.countDown();
                    }
                }
            }

            @Override
            public void onError(ErrorEvent e) {
                if (done.getCount() == 0) {
                    return; // the partial frame cut off when we stop reading is not news
                }
                if (connected.getCount() > 0 && e.error() instanceof IOException) {
                    return; // could not connect: the FAILED state that follows says it, once
                }
                synchronized (err) {
                    err.println("monitor: " + e.error().getMessage());
                    err.flush();
                }
            }

            @Override
            public void onState(StateEvent e) {
                sink.state(e);
                if (e.state() == ConnectionState.CONNECTED) {
                    connected.countDown();
                } else if (e.state() == ConnectionState.FAILED) {
                    failure.compareAndSet(null, e.detail());
                    done.countDown();
                } else if (e.state() == ConnectionState.DISCONNECTED) {
                    done.countDown();
                }
            }
        };
        long t0 = System.nanoTime();
        boolean interrupted = false;
        sink.start();
        try (ReaderService reader = ReaderService.builder(factory).rule(frameRule).listener(l).name("monitor").start()) {
            try {
                if (!send.isEmpty()) {
                    awaitConnection(connected, done, failure);
                    for (String s : send) {
                        reader.send(concat(s, term.bytes()));
                    }
                }
                done.await();
            } catch (InterruptedException e) {
                interrupted = true; // Ctrl-C (the launcher's shutdown hook interrupts): finish the output, then end
            } finally {
                done.countDown(); // before the reader closes (try-with-resources): the frame it cuts off is no error
            }
        } finally {
            // the reader is closed (no more frames); now the output: everything taken is written
            sink.finish();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        String writeFailure = sink.failure();
        if (writeFailure != null) {
            throw new CliFailure(Cli.EXIT_FAILED, writeFailure);
        }
        if (stats) {
            long n = received.get();
            double span = (firstLast[1] - firstLast[0]) / 1e9;
            err.println(String.format(Locale.ROOT, "monitor: %d frames, %d bytes in %.3f s (%.0f frames/s between the first and the last frame)",
                    n, bytes.get(), (System.nanoTime() - t0) / 1e9, n > 1 && span > 0 ? (n - 1) / span : 0.0));
            err.flush();
        }
        if (failure.get() != null) {
            throw new CliFailure(Cli.EXIT_FAILED, failure.get());
        }
        if (!interrupted && count != null && received.get() < count) {
            throw new CliFailure(Cli.EXIT_FAILED, "the connection ended after " + received.get() + " of " + count + " frames");
        }
        return Cli.EXIT_OK;
    }

    /** Where the frames go; {@link #frame} and {@link #state} are called on the reader's delivery thread. */
    private interface FrameSink {
        void start();

        void frame(FrameEvent e);

        void state(StateEvent e);

        /** Writes out everything taken (the reader is closed); the caller's interrupt status is clear. */
        void finish() throws InterruptedException;

        /** Why writing failed (one line), or null. */
        String failure();
    }

    /**
     * {@code --out FILE}: a session-log writer ({@link BackgroundFrameWriter}) on its own thread takes
     * the frames from a bounded queue; its first error ends the run. The writer is lossless: when
     * its queue is full the delivery thread waits, which slows the reader and, through TCP flow
     * control, the peer, so the file holds every frame counted. A frame it still could not take
     * (the log ended) fails the run.
     */
    private static final class FileSink implements FrameSink {
        private final Path file;
        private final BackgroundFrameWriter writer;
        private final AtomicReference<LogWriteException> error = new AtomicReference<>();
        private String failure;

        FileSink(FrameFormat fmt, Path file, CountDownLatch done) {
            this.file = file;
            this.writer = fmt.fileWriter(file, QUEUE_FRAMES, e -> {
                error.compareAndSet(null, e);
                done.countDown();
            });
        }

        @Override
        public void start() {
            writer.lossless().start(); // the file is the command's only job: slow the reader, lose nothing
        }

        @Override
        public void frame(FrameEvent e) {
            writer.onFrame(e);
        }

        @Override
        public void state(StateEvent e) {
            writer.onState(e);
        }

        @Override
        public void finish() throws InterruptedException {
            writer.stop();
            if (!writer.awaitStopped(Duration.ofSeconds(FINISH_SECONDS))) {
                failure = "writing " + file + " did not finish in " + FINISH_SECONDS + " s (" + writer.written()
                        + " frames written)";
                return;
            }
            LogWriteException e = error.get();
            if (e != null) {
                failure = "cannot write " + file + " (after " + e.framesWritten() + " frame"
                        + (e.framesWritten() == 1 ? "" : "s") + "): " + CliFailure.reason((IOException) e.getCause());
            } else if (writer.dropped() > 0) {
                failure = writer.dropped() + " frames were not written to " + file + " (the writer fell behind; "
                        + writer.written() + " written)";
            }
        }

        @Override
        public String failure() {
            return failure;
        }
    }

    /**
     * stdout: written on the delivery thread into a buffer that a {@code monitor-flush} thread
     * flushes every 100 ms. JSONL pairs query ids like the session log.
     */
    private static final class StdoutSink implements FrameSink {
        private final FrameFormat fmt;
        private final Writer w;
        private final CountDownLatch done;
        private final QueryPairing pairing = new QueryPairing();
        private final AtomicReference<Exception> error = new AtomicReference<>();
        private final Thread flusher;

        StdoutSink(FrameFormat fmt, Writer w, CountDownLatch done) {
            this.fmt = fmt;
            this.w = w;
            this.done = done;
            this.flusher = new Thread(this::flushLoop, "monitor-flush");
            this.flusher.setDaemon(true);
        }

        @Override
        public void start() {
            flusher.start();
        }

        @Override
        public void frame(FrameEvent e) {
            Long id = fmt == FrameFormat.JSONL ? pairing.idFor(e) : null;
            if (!fmt.shows(e.direction())) {
                return;
            }
            try {
                synchronized (w) {
                    fmt.writeUnchecked(e, id, w);
                }
            } catch (UncheckedIOException x) {
                error.compareAndSet(null, x.getCause());
                done.countDown();
            }
        }

        @Override
        public void state(StateEvent e) {
            if (e.state() == ConnectionState.CONNECTED || e.state() == ConnectionState.DISCONNECTED) {
                pairing.reset(); // delivery thread, like frame()
            }
        }

        private void flushLoop() {
            try {
                while (!done.await(FLUSH_MILLIS, TimeUnit.MILLISECONDS)) {
                    synchronized (w) {
                        w.flush();
                    }
                    if (stdoutFailed()) {
                        done.countDown(); // a full disk or a closed pipe (| head): stop, do not read on for nothing
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                error.compareAndSet(null, e);
                done.countDown();
            }
        }

        @Override
        public void finish() throws InterruptedException {
            flusher.interrupt();
            flusher.join(1000);
            synchronized (w) {
                try {
                    w.flush();
                } catch (IOException e) {
                    error.compareAndSet(null, e);
                }
            }
        }

        /** The PrintWriter that stdout is keeps its errors: ask it (it flushes). */
        private boolean stdoutFailed() {
            return w instanceof PrintWriter p && p.checkError();
        }

        @Override
        public String failure() {
            Exception e = error.get();
            if (e != null) {
                return "writing frames failed: " + e.getMessage();
            }
            return stdoutFailed() ? Cli.stdoutFailure() : null;
        }
    }

    private static void awaitConnection(CountDownLatch connected, CountDownLatch done, AtomicReference<String> failure)
            throws InterruptedException, CliFailure {
        while (!connected.await(50, TimeUnit.MILLISECONDS)) {
            if (done.getCount() == 0) {
                throw new CliFailure(Cli.EXIT_FAILED, failure.get() != null ? failure.get() : "the connection ended before --send");
            }
        }
    }

    private static byte[] concat(String text, byte[] b) {
        byte[] a = Escapes.unescape(text);
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private FrameFormat parseFormat() {
        try {
            return FrameFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage(), e);
        }
    }
}
