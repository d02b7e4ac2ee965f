package org.streamframer.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.streamframer.app.frames.Escapes;
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
 * frames were received, the connection ends, or it is interrupted. Output is buffered and flushed
 * every 100 ms ({@code monitor-flush} thread), so hundreds of thousands of frames per second
 * can be printed.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Print frames as they arrive, one per line.",
                "Example: streamframer monitor --tcp 127.0.0.1:5025 --rule lines --send 'SIM:STREAM 1000' --count 10"})
final class MonitorCommand implements Callable<Integer> {

    private static final long FLUSH_MILLIS = 100;

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
            description = "text, hex or jsonl (default: ${DEFAULT-VALUE}); jsonl also shows what --send sent (dir TX).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the frames to FILE instead of stdout.")
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
            try {
                listener = TcpListenTransport.factory(HostPort.parse(listen).toAddress());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--listen: " + e.getMessage(), e);
            }
            factory = listener;
        } else {
            factory = connection.factory(", --listen HOST:PORT");
        }
        try (Writer w = openOutput(); TcpListenTransport.Listener l = listener) {
            if (l != null) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("listening on " + new HostPort(l.localAddress().getHostString(), l.localAddress().getPort()));
                err.flush();
            }
            return run(factory, frameRule, fmt, term, w);
        }
    }

    private Writer openOutput() throws IOException {
        if (out == null) {
            return new NonClosingWriter(spec.commandLine().getOut());
        }
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16);
    }

    private int run(TransportFactory factory, FrameRule frameRule, FrameFormat fmt, Terminator term, Writer w)
            throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch connected = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicReference<Exception> writeFailure = new AtomicReference<>();
        long[] firstLast = new long[2];
        PrintWriter err = spec.commandLine().getErr();
        ReaderListener l = new ReaderListener() {
            @Override
            public void onFrame(FrameEvent e) {
                boolean rx = e.direction() == Direction.RX;
                if (count != null && rx && received.get() >= count) {
                    return;
                }
                if (rx || fmt == FrameFormat.JSONL) {
                    try {
                        synchronized (w) {
                            fmt.writeUnchecked(e, w);
                        }
                    } catch (UncheckedIOException x) {
                        writeFailure.compareAndSet(null, x.getCause());
                        done.countDown();
                        return;
                    }
                }
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
                synchronized (err) {
                    err.println("monitor: " + e.error().getMessage());
                    err.flush();
                }
            }

            @Override
            public void onState(StateEvent e) {
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
        Thread flusher = flusher(w, done, writeFailure);
        try (ReaderService reader = ReaderService.builder(factory).rule(frameRule).listener(l).name("monitor").start()) {
            flusher.start();
            if (!send.isEmpty()) {
                awaitConnection(connected, done, failure);
                for (String s : send) {
                    reader.send(concat(s, term.bytes()));
                }
            }
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            flusher.interrupt();
            flusher.join(1000);
            synchronized (w) {
                w.flush();
            }
        }
        if (writeFailure.get() != null) {
            throw new CliFailure(Cli.EXIT_FAILED, "writing frames failed: " + writeFailure.get().getMessage(), writeFailure.get());
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
        if (count != null && received.get() < count) {
            throw new CliFailure(Cli.EXIT_FAILED, "the connection ended after " + received.get() + " of " + count + " frames");
        }
        return Cli.EXIT_OK;
    }

    private static void awaitConnection(CountDownLatch connected, CountDownLatch done, AtomicReference<String> failure)
            throws InterruptedException, CliFailure {
        while (!connected.await(50, TimeUnit.MILLISECONDS)) {
            if (done.getCount() == 0) {
                throw new CliFailure(Cli.EXIT_FAILED, failure.get() != null ? failure.get() : "the connection ended before --send");
            }
        }
    }

    private static Thread flusher(Writer w, CountDownLatch done, AtomicReference<Exception> failure) {
        Thread t = new Thread(() -> {
            try {
                while (!done.await(FLUSH_MILLIS, TimeUnit.MILLISECONDS)) {
                    synchronized (w) {
                        w.flush();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                failure.compareAndSet(null, e);
                done.countDown();
            }
        }, "monitor-flush");
        t.setDaemon(true);
        return t;
    }

    private static byte[] concat(String text, byte[] b) {
        byte[] a = Escapes.unescape(text);
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private FrameFormat parseFormat() {
        try {
            return FrameFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: '" + format + "' is not text, hex or jsonl", e);
        }
    }

    /** stdout stays open after the command (picocli owns it). */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
