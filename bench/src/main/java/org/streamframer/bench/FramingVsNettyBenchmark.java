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
 * The same in-memory stream ({@link Workload}, 1 MiB) delivered in the same chunks (8 KiB by
 * default) to streamframer's rules and to Netty's decoders. One operation frames the whole
 * stream; the {@code frames} and {@code bytes} counters give frames/s and bytes/s.
 *
 * <ul>
 *   <li>{@code streamframer}: {@link FrameBuffer#append} then {@code advance}/{@code consumeFrame}
 *       (frames as views, no copy, no allocation).</li>
 *   <li>{@code nettyDirect}: the decoder's {@code decode(ctx, in)} on a heap cumulation buffer,
 *       with {@code discardSomeReadBytes()} after each chunk as {@code ByteToMessageDecoder}
 *       does; frames are Netty's retained slices, released at once.</li>
 *   <li>{@code nettyEmbedded}: the decoder in an {@code EmbeddedChannel} pipeline.</li>
 *   <li>{@code arraycopy}: the same chunks copied with {@code System.arraycopy} into a reused
 *       buffer: the memory-speed limit the framers are compared with.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class FramingVsNettyBenchmark {

    @Param({"LF16", "LF64", "LF1024", "CRLF64", "DELIM2_64", "LEN4_256", "FIXED256"})
    public Workload workload;

    @Param({"8192"})
    public int chunk;

    private byte[] stream;
    private FrameBuffer buffer;
    private FrameRule rule;
    private NettyDecoders.Direct direct;
    private ByteBuf cumulation;
    private EmbeddedChannel channel;
    private byte[] copyTarget;

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
        copyTarget = new byte[64 * 1024];
        int expected = workload.frames();
        Delivered check = new Delivered();
        streamframer(check);
        if (check.frames != expected || check.bytes != (long) expected * workload.payloadLength()) {
            throw new IllegalStateException("streamframer framed " + check.frames + " frames / "
                    + check.bytes + " bytes, expected " + expected);
        }
        check.clear();
        nettyDirect(check);
        if (check.frames != expected || check.bytes != (long) expected * workload.payloadLength()) {
            throw new IllegalStateException("netty framed " + check.frames + " frames / "
                    + check.bytes + " bytes, expected " + expected);
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

    @Benchmark
    public void arraycopy(Delivered d) {
        byte[] s = stream;
        byte[] t = copyTarget;
        for (int off = 0; off < s.length; off += chunk) {
            System.arraycopy(s, off, t, 0, Math.min(chunk, s.length - off));
        }
        d.frames += workload.frames();
        d.bytes += s.length;
    }
}
