package org.streamframer.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.concurrent.TimeUnit;

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
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.FramingException;

/**
 * The same in-memory stream ({@link Workload}, 1 MiB) delivered in the same chunks to
 * streamframer's rules and to Netty's decoders. One operation frames the whole stream; the
 * {@code frames} and {@code bytes} counters give frames/s and bytes/s.
 *
 * <p>The chunk is 8191 bytes by default, one short of 8 KiB: every frame length of these
 * workloads divides 8192, so 8 KiB chunks would always end exactly at a frame boundary and
 * neither side would ever carry a partial frame from one read to the next (the cumulation work
 * every real reader does). {@code -p chunk=8192} gives the aligned case.
 *
 * <p>Netty runs with its leak detector disabled ({@code -Dio.netty.leakDetection.level=disabled},
 * as Netty's own benchmarks do): at the default level it samples about one buffer in 128, so
 * a run would otherwise pay for tracking or not by chance.
 *
 * <ul>
 *   <li>{@code streamframer}: {@link FrameBuffer#append} then {@code advance}/{@code consumeFrame}
 *       (frames as views, no copy, no allocation).</li>
 *   <li>{@code nettyDirect}: the decoder's {@code decode(ctx, in)} on a heap cumulation buffer,
 *       with {@code discardSomeReadBytes()} after each chunk as {@code ByteToMessageDecoder}
 *       does; frames are Netty's retained slices, released at once.</li>
 *   <li>{@code nettyEmbedded}: the decoder in an {@code EmbeddedChannel} pipeline.</li>
 * </ul>
 * The memory-speed baselines ({@code System.arraycopy}, reading longs) are in
 * {@link ScanLimitBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
@State(Scope.Thread)
public class FramingVsNettyBenchmark {

    @Param({"LF16", "LF64", "LF1024", "CRLF64", "DELIM2_64", "LEN4_256", "FIXED256"})
    public Workload workload;

    @Param({"8191"})
    public int chunk;

    private byte[] stream;
    private FrameBuffer buffer;
    private FrameRule rule;
    private NettyDecoders.Direct direct;
    private ByteBuf cumulation;
    private EmbeddedChannel channel;

    /** Frames and bytes delivered, reported by JMH as rates. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Delivered {
        public long frames;
        public long bytes;

        @Setup(Level.Iteration)
        public void clear() {
            frames = 0;
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        stream = workload.build();
        buffer = new FrameBuffer(64 * 1024, 1024 * 1024);
        rule = OurRules.forWorkload(workload);
        direct = NettyDecoders.direct(workload);
        cumulation = Unpooled.buffer(64 * 1024);
        channel = new EmbeddedChannel(NettyDecoders.handler(workload));
        Delivered check = new Delivered();
        streamframer(check);
        verify("streamframer", check);
        check.clear();
        nettyDirect(check);
        verify("nettyDirect", check);
        check.clear();
        nettyEmbedded(check);
        verify("nettyEmbedded", check);
    }

    /** Every framer must deliver every frame with the same payload bytes, or the comparison is void. */
    private void verify(String who, Delivered d) {
        int expected = workload.frames();
        long bytes = (long) expected * workload.payloadLength();
        if (d.frames != expected || d.bytes != bytes) {
            throw new IllegalStateException(who + " framed " + d.frames + " frames / " + d.bytes
                    + " bytes of " + workload + " in " + chunk + "-byte chunks, expected " + expected
                    + " / " + bytes);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cumulation.release();
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public void streamframer(Delivered d) throws FramingException {
        byte[] s = stream;
        FrameBuffer b = buffer;
        FrameRule r = rule;
        long frames = 0;
        long bytes = 0;
        for (int off = 0; off < s.length; off += chunk) {
            b.append(s, off, Math.min(chunk, s.length - off));
            while (b.advance(r)) {
                frames++;
                bytes += b.frameEnd() - b.frameStart();
                b.consumeFrame();
            }
        }
        d.frames += frames;
        d.bytes += bytes;
    }

    @Benchmark
    public void nettyDirect(Delivered d) throws Exception {
        byte[] s = stream;
        ByteBuf in = cumulation;
        long frames = 0;
        long bytes = 0;
        for (int off = 0; off < s.length; off += chunk) {
            in.writeBytes(s, off, Math.min(chunk, s.length - off));
            ByteBuf f;
            while ((f = direct.decodeOne(in)) != null) {
                frames++;
                bytes += f.readableBytes();
                f.release();
            }
            in.discardSomeReadBytes();
        }
        d.frames += frames;
        d.bytes += bytes;
    }

    @Benchmark
    public void nettyEmbedded(Delivered d) {
        byte[] s = stream;
        EmbeddedChannel ch = channel;
        long frames = 0;
        long bytes = 0;
        for (int off = 0; off < s.length; off += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(s, off, Math.min(chunk, s.length - off)));
            ByteBuf f;
            while ((f = ch.readInbound()) != null) {
                frames++;
                bytes += f.readableBytes();
                f.release();
            }
        }
        d.frames += frames;
        d.bytes += bytes;
    }
}
