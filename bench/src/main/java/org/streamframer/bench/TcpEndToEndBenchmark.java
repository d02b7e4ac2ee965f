package org.streamframer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.streamframer.framing.reader.ConnectionState;
import org.streamframer.framing.reader.FrameEvent;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.reader.ReaderService;
import org.streamframer.framing.rules.Rules;
import org.streamframer.framing.transport.TcpClientTransport;

/**
 * End to end over loopback TCP: the same {@link LoopbackSender} (1 MiB blocks of LF lines,
 * 64 B or 1 KiB) read by
 * <ul>
 *   <li>{@code rawSocket}: a plain {@code java.net.Socket} read loop into a 64 KiB array that
 *       only counts bytes (the limit of this machine's loopback);</li>
 *   <li>{@code readerService}: a {@link ReaderService} over {@link TcpClientTransport} with
 *       {@code Rules.lf()}, delivering every frame (a private copy, timestamped and numbered) to a
 *       listener that counts them on the service's delivery thread.</li>
 * </ul>
 * One operation is 16 MiB received (wire bytes, line ends included), so ops/s times 16 MiB is
 * bytes/s for both; the {@code bytes} counter reports it directly. The reader runs on its own
 * threads: an operation waits (parked) until the listener has counted 16 MiB more than when the
 * operation began.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class TcpEndToEndBenchmark {

    static final long BYTES_PER_OP = 16L << 20;

    @Param({"64", "1024"})
    public int frameBytes;

    private LoopbackSender sender;
    private Socket socket;
    private InputStream in;
    private final byte[] readBuffer = new byte[64 * 1024];
    private ReaderService reader;
    private final Counting counting = new Counting();

    /** Bytes received, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Received {
        public long bytes;

        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
        }
    }

    /** Counts frames on the delivery thread and wakes the benchmark thread once enough arrived. */
    static final class Counting implements ReaderListener {
        final AtomicLong frames = new AtomicLong();
        volatile long wakeAt = Long.MAX_VALUE;
        volatile Thread waiter;
        volatile int badLength = -1;
        int expectedLength;

        @Override
        public void onFrame(FrameEvent e) {
            if (e.bytes().length != expectedLength) {
                badLength = e.bytes().length;
            }
            long f = frames.get() + 1;
            frames.lazySet(f); // one writer: a plain store, no fence per frame
            if (f >= wakeAt) {
                LockSupport.unpark(waiter);
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) throws IOException, InterruptedException {
        sender = new LoopbackSender(frameBytes);
        if (params.getBenchmark().endsWith("rawSocket")) {
            socket = new Socket(InetAddress.getLoopbackAddress(), sender.port());
            in = socket.getInputStream();
        } else {
            counting.expectedLength = frameBytes - 1;
            reader = ReaderService.builder(TcpClientTransport.factory("127.0.0.1", sender.port(), Duration.ofSeconds(5)))
                    .rule(Rules.lf())
                    .listener(counting)
                    .name("bench-reader")
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (reader.state() != ConnectionState.CONNECTED) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("reader did not connect to port " + sender.port() + ": " + reader.state());
                }
                Thread.sleep(10);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (reader != null) {
            long dropped = reader.stats().dropped();
            reader.close();
            if (counting.badLength >= 0 || dropped != 0) {
                throw new IllegalStateException("reader delivered a frame of " + counting.badLength
                        + " bytes (expected " + counting.expectedLength + "), dropped " + dropped);
            }
        }
        if (socket != null) {
            socket.close();
        }
        sender.close();
    }

    @Benchmark
    public void rawSocket(Received r) throws IOException {
        byte[] b = readBuffer;
        long left = BYTES_PER_OP;
        while (left > 0) {
            int n = in.read(b, 0, (int) Math.min(b.length, left));
            if (n < 0) {
                throw new IOException("sender closed the connection");
            }
            left -= n;
        }
        r.bytes += BYTES_PER_OP;
    }

    @Benchmark
    public void readerService(Received r) throws IOException {
        long framesPerOp = BYTES_PER_OP / frameBytes;
        Counting c = counting;
        long target = c.frames.get() + framesPerOp;
        c.waiter = Thread.currentThread();
        c.wakeAt = target;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (c.frames.get() < target) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
            if (System.nanoTime() > deadline) {
                throw new IOException("reader delivered " + (c.frames.get() - target + framesPerOp)
                        + " of " + framesPerOp + " frames in 30 s; state " + reader.state());
            }
        }
        c.wakeAt = Long.MAX_VALUE;
        r.bytes += framesPerOp * frameBytes;
    }
}
