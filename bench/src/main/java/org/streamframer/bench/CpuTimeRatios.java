package org.streamframer.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;

/**
 * The framing-vs-Netty ratios measured for a shared machine: the same loops as
 * {@link FramingVsNettyBenchmark}, but alternated inside one JVM every 20 ms, each timed by the
 * benchmark thread's own CPU time ({@code ThreadMXBean.getCurrentThreadCpuTime}) and the best
 * rate of many rounds kept. Other processes then slow neither side more than the other: time
 * the thread is descheduled does not count. JMH's wall-clock ratios can swing by 2x on this
 * 2-core machine while other engineers build; these do not.
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar org.streamframer.bench.CpuTimeRatios [rounds] [workload...]
 * </pre>
 * Each workload runs in a JVM of its own (as JMH forks), so one rule's profile does not slow
 * another's. Prints one line per workload: ops/s (1 MiB each) of streamframer, Netty called
 * directly, Netty through EmbeddedChannel, and the whole stream copied with arraycopy; the
 * ratios; and framing as a fraction of the copy.
 */
public final class CpuTimeRatios {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long SLICE_NANOS = 20_000_000;
    static long sink;

    private CpuTimeRatios() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        if (args.length > 1 && args[1].equals("--one")) {
            one(Workload.valueOf(args[2]), rounds, Integer.parseInt(args[3]));
            return;
        }
        List<Workload> ws = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            ws.add(Workload.valueOf(args[i]));
        }
        if (ws.isEmpty()) {
            ws.addAll(List.of(Workload.values()));
        }
        System.out.println("thread CPU time, best of " + rounds + " rounds of 20 ms each, 8191-byte chunks; ops/s of 1 MiB");
        System.out.println("workload    streamframer  nettyDirect  nettyEmbedded  arraycopyWhole   vsDirect  vsEmbedded  ofCopy");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (Workload w : ws) {
            Process p = new ProcessBuilder(java, "-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled",
                    "-cp", System.getProperty("java.class.path"), CpuTimeRatios.class.getName(),
                    Integer.toString(rounds), "--one", w.name(), "8191").inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("the run for " + w + " exited " + p.exitValue());
            }
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    @FunctionalInterface
    private interface Op {
        long run() throws Exception;
    }

    /** Ops per CPU second of {@code op} over one slice. */
    private static double rate(Op op) throws Exception {
        long t0 = cpu();
        long ops = 0;
        long t;
        do {
            sink += op.run();
            ops++;
            t = cpu();
        } while (t - t0 < SLICE_NANOS);
        return ops * 1e9 / (t - t0);
    }

    static void one(Workload w, int rounds, int chunk) throws Exception {
        byte[] s = w.build();
        FrameBuffer buffer = new FrameBuffer(64 * 1024, 1024 * 1024);
        FrameRule rule = OurRules.forWorkload(w);
        NettyDecoders.Direct direct = NettyDecoders.direct(w);
        ByteBuf cumulation = Unpooled.buffer(64 * 1024);
        EmbeddedChannel channel = new EmbeddedChannel(NettyDecoders.handler(w));
        byte[] whole = new byte[s.length];
        long expected = (long) w.frames() * w.payloadLength();
        Op ours = () -> {
            long bytes = 0;
            for (int off = 0; off < s.length; off += chunk) {
                buffer.append(s, off, Math.min(chunk, s.length - off));
                while (buffer.advance(rule)) {
                    bytes += buffer.frameEnd() - buffer.frameStart();
                    buffer.consumeFrame();
                }
            }
            return check("streamframer", bytes, expected);
        };
        Op nettyDirect = () -> {
            long bytes = 0;
            for (int off = 0; off < s.length; off += chunk) {
                cumulation.writeBytes(s, off, Math.min(chunk, s.length - off));
                ByteBuf f;
                while ((f = direct.decodeOne(cumulation)) != null) {
                    bytes += f.readableBytes();
                    f.release();
                }
                cumulation.discardSomeReadBytes();
            }
            return check("nettyDirect", bytes, expected);
        };
        Op nettyEmbedded = () -> {
            long bytes = 0;
            for (int off = 0; off < s.length; off += chunk) {
                channel.writeInbound(Unpooled.wrappedBuffer(s, off, Math.min(chunk, s.length - off)));
                ByteBuf f;
                while ((f = channel.readInbound()) != null) {
                    bytes += f.readableBytes();
                    f.release();
                }
            }
            return check("nettyEmbedded", bytes, expected);
        };
        Op copy = () -> {
            System.arraycopy(s, 0, whole, 0, s.length);
            return whole[s.length / 2];
        };
        double[] best = new double[4];
        Op[] ops = {ours, nettyDirect, nettyEmbedded, copy};
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < ops.length; i++) {
                best[i] = Math.max(best[i], rate(ops[i]));
            }
        }
        System.out.printf(Locale.ROOT, "%-10s %13.0f %12.0f %14.0f %15.0f %10.2f %11.2f %7.2f%n", w,
                best[0], best[1], best[2], best[3], best[0] / best[1], best[0] / best[2], best[0] / best[3]);
        channel.finishAndReleaseAll();
        cumulation.release();
    }

    private static long check(String who, long bytes, long expected) {
        if (bytes != expected) {
            throw new IllegalStateException(who + " delivered " + bytes + " payload bytes, expected " + expected);
        }
        return bytes;
    }
}
