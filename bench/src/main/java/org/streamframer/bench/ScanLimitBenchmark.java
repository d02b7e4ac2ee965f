package org.streamframer.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.FramingException;
import org.streamframer.framing.rules.Rules;

/**
 * How close framing 1 KiB lines comes to the speed of memory: the same 1 MiB stream
 * ({@link Workload#LF1024}) framed, copied and read, in the same run. One operation handles the
 * whole stream once, so the scores (ops/s) are directly comparable; each is also 1 MiB/op.
 *
 * <ul>
 *   <li>{@code frameLines}: streamframer's LF rule, as in {@link FramingVsNettyBenchmark}
 *       (append each chunk, then {@code advance}/{@code consumeFrame}).</li>
 *   <li>{@code arraycopyChunks}: the same chunks copied into a reused 64 KiB buffer, which is the
 *       copy the framer itself makes with {@code append}. Its destination stays in the L1/L2
 *       cache, so this is the fastest way to touch every byte once.</li>
 *   <li>{@code arraycopyWhole}: the whole stream copied into another 1 MiB array (source and
 *       destination both stream through the cache).</li>
 *   <li>{@code readLongs}: every long of the stream read and XOR-ed together, one word at a time:
 *       what any word-at-a-time scan costs before it tests a single byte.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class ScanLimitBenchmark {

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    @Param({"8191"})
    public int chunk;

    private byte[] stream;
    private byte[] chunkTarget;
    private byte[] wholeTarget;
    private FrameBuffer buffer;
    private FrameRule rule;

    @Setup
    public void setUp() throws FramingException {
        stream = Workload.LF1024.build();
        chunkTarget = new byte[64 * 1024];
        wholeTarget = new byte[stream.length];
        buffer = new FrameBuffer(64 * 1024, 1024 * 1024);
        rule = Rules.lf();
        long frames = frameLines();
        if (frames != Workload.LF1024.frames()) {
            throw new IllegalStateException("framed " + frames + " lines, expected " + Workload.LF1024.frames());
        }
    }

    @Benchmark
    public long frameLines() throws FramingException {
        byte[] s = stream;
        FrameBuffer b = buffer;
        FrameRule r = rule;
        long frames = 0;
        for (int off = 0; off < s.length; off += chunk) {
            b.append(s, off, Math.min(chunk, s.length - off));
            while (b.advance(r)) {
                frames++;
                b.consumeFrame();
            }
        }
        return frames;
    }

    @Benchmark
    public void arraycopyChunks(Blackhole bh) {
        byte[] s = stream;
        byte[] t = chunkTarget;
        for (int off = 0; off < s.length; off += chunk) {
            System.arraycopy(s, off, t, 0, Math.min(chunk, s.length - off));
        }
        bh.consume(t);
    }

    @Benchmark
    public void arraycopyWhole(Blackhole bh) {
        System.arraycopy(stream, 0, wholeTarget, 0, stream.length);
        bh.consume(wholeTarget);
    }

    @Benchmark
    public long readLongs() {
        byte[] s = stream;
        long x = 0;
        for (int i = 0, last = s.length - Long.BYTES; i <= last; i += Long.BYTES) {
            x ^= (long) LONGS.get(s, i);
        }
        return x;
    }
}
