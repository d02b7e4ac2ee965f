package org.streamframer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.streamframer.app.sim.SimConfig;
import org.streamframer.app.sim.SimulatedInstrument;
import org.streamframer.framing.scpi.InstrumentSession;
import org.streamframer.framing.scpi.Response;
import org.streamframer.framing.scpi.Terminator;
import org.streamframer.framing.transport.TcpClientTransport;

/**
 * SCPI round trips per second: {@code InstrumentSession.query("*IDN?")} in a loop against the
 * built-in simulator, then PyVISA (pyvisa-py, {@code TCPIP::127.0.0.1::<port>::SOCKET}) doing
 * the same loop against the same simulator ({@code bench/scripts/pyvisa_idn.py}), alternating
 * for a few rounds so that both see the same machine load. A round trip is one query written and
 * its whole answer read; there is never more than one query in flight. A third loop, a plain
 * blocking socket writing {@code *IDN?} and reading the answer, shows what the simulator and the
 * loopback allow any client.
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar org.streamframer.bench.ScpiRoundTrips \
 *        [--seconds 5] [--warmup 2] [--rounds 3] [--script bench/scripts/pyvisa_idn.py]
 * </pre>
 * Prints each round and a summary line with the ratio; exits 1 if a client fails.
 */
public final class ScpiRoundTrips {

    private static final Pattern PYVISA = Pattern.compile("pyvisa (\\d+) queries in ([0-9.]+) s: ([0-9.]+) qps");

    private ScpiRoundTrips() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 5;
        double warmup = 2;
        int rounds = 3;
        Path script = Path.of("bench/scripts/pyvisa_idn.py");
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds": seconds = Double.parseDouble(args[++i]); break;
                case "--warmup": warmup = Double.parseDouble(args[++i]); break;
                case "--rounds": rounds = Integer.parseInt(args[++i]); break;
                case "--script": script = Path.of(args[++i]); break;
                case "--python": python = args[++i]; break;
                default: throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--seconds, --warmup, --rounds, --script, --python)");
            }
        }
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException(script.toAbsolutePath() + " not found: run from the repository root"
                    + " or pass --script");
        }
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        try (SimulatedInstrument sim = new SimulatedInstrument(SimConfig.ephemeral()).start()) {
            System.out.printf(Locale.ROOT, "simulator on 127.0.0.1:%d; %d rounds of %.1f s each (after %.1f s warm-up)%n",
                    sim.port(), rounds, seconds, warmup);
            for (int r = 1; r <= rounds; r++) {
                double q = streamframer(sim.port(), seconds, r == 1 ? warmup * 2 : warmup);
                ours.add(q);
                double p = pyvisa(python, script, sim.port(), seconds, warmup);
                theirs.add(p);
                double w = rawSocket(sim.port(), seconds, warmup);
                raw.add(w);
                System.out.printf(Locale.ROOT, "round %d: InstrumentSession %.0f qps, PyVISA %.0f qps, ratio %.2f;"
                        + " raw socket %.0f qps%n", r, q, p, q / p, w);
            }
        }
        double o = median(ours);
        double t = median(theirs);
        System.out.printf(Locale.ROOT, "median: InstrumentSession.query(\"*IDN?\") %.0f qps, PyVISA (pyvisa-py) %.0f qps,"
                + " ratio %.2f; raw blocking socket (the floor under any client) %.0f qps%n", o, t, o / t, median(raw));
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** Queries per second over {@code seconds}, after {@code warmup} seconds of the same loop. */
    static double streamframer(int port, double seconds, double warmup) throws IOException {
        Duration timeout = Duration.ofSeconds(5);
        try (InstrumentSession s = InstrumentSession.open(
                TcpClientTransport.factory("127.0.0.1", port, Duration.ofSeconds(5)), Terminator.LF)) {
            long end = System.nanoTime() + (long) (warmup * 1e9);
            while (System.nanoTime() < end) {
                s.query("*IDN?", timeout);
            }
            long n = 0;
            long start = System.nanoTime();
            end = start + (long) (seconds * 1e9);
            long now;
            do {
                Response r = s.query("*IDN?", timeout);
                if (!r.text().startsWith(SimulatedInstrument.IDENTITY)) {
                    throw new IOException("unexpected answer to *IDN?: " + r.text());
                }
                n++;
                now = System.nanoTime();
            } while (now < end);
            return n * 1e9 / (now - start);
        }
    }

    /**
     * The floor under any client: a plain blocking {@code java.net.Socket} writing
     * {@code *IDN?\n} and reading until the LF, nothing else (no framing rule, no threads).
     */
    static double rawSocket(int port, double seconds, double warmup) throws IOException {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            s.setTcpNoDelay(true);
            java.io.InputStream in = s.getInputStream();
            java.io.OutputStream out = s.getOutputStream();
            byte[] q = "*IDN?\n".getBytes(StandardCharsets.US_ASCII);
            byte[] buf = new byte[4096];
            int expect = SimulatedInstrument.IDENTITY.length() + 1;
            long end = System.nanoTime() + (long) (warmup * 1e9);
            long n = 0;
            long start = 0;
            boolean timing = false;
            while (true) {
                out.write(q);
                int got = 0;
                while (got < expect) {
                    int k = in.read(buf, got, buf.length - got);
                    if (k < 0) {
                        throw new IOException("simulator closed the connection");
                    }
                    got += k;
                }
                if (got != expect || buf[got - 1] != '\n') {
                    throw new IOException("unexpected answer to *IDN?: " + new String(buf, 0, got, StandardCharsets.US_ASCII));
                }
                long now = System.nanoTime();
                if (!timing) {
                    if (now >= end) {
                        timing = true;
                        start = now;
                        end = now + (long) (seconds * 1e9);
                    }
                    continue;
                }
                n++;
                if (now >= end) {
                    return n * 1e9 / (now - start);
                }
            }
        }
    }

    /** Runs the PyVISA loop against the same port and returns its queries per second. */
    static double pyvisa(String python, Path script, int port, double seconds, double warmup)
            throws IOException, InterruptedException {
        List<String> cmd = List.of(python, script.toString(), "--port", Integer.toString(port),
                "--seconds", Double.toString(seconds), "--warmup", Double.toString(warmup));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor((long) (seconds + warmup + 60), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish");
        }
        Matcher m = PYVISA.matcher(out);
        if (p.exitValue() != 0 || !m.find()) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out.strip());
        }
        return Double.parseDouble(m.group(3));
    }
}
