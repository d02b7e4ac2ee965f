package org.streamframer.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.streamframer.app.sim.SimConfig;
import org.streamframer.app.sim.SimulatedInstrument;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code streamframer sim}: runs the simulated instrument until interrupted. */
@Command(name = "sim", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Run the simulated instrument (a DMM + scope speaking SCPI) until interrupted (Ctrl-C).")
final class SimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "5025",
            description = "TCP port (0: any free port; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--no-tcp", description = "Serve only the serial port.")
    boolean noTcp;

    @Option(names = "--serial", paramLabel = "PATH", description = "Also serve this serial port (e.g. one end of a socat pty pair).")
    String serial;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200", description = "Serial speed (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--terminator", paramLabel = "T", defaultValue = "lf",
            description = "Response terminator: lf, crlf or cr (default: ${DEFAULT-VALUE}).")
    String terminator;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the readings' noise and the waveform (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        SimConfig config;
        try {
            if (noTcp && serial == null) {
                throw new IllegalArgumentException("--no-tcp needs --serial PATH (nothing to serve)");
            }
            config = new SimConfig(bind, noTcp ? SimConfig.NO_TCP : port, serial, baud,
                    SimConfig.Terminator.parse(terminator), seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SimulatedInstrument sim = new SimulatedInstrument(config).start();
        Thread hook = new Thread(sim::close, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        if (!noTcp) {
            out.println("simulator listening on " + sim.resource());
        }
        if (serial != null) {
            out.println("simulator serving serial port " + serial + " at " + baud + " baud");
        }
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sim.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs (and closing twice is harmless)
            }
        }
        return Cli.EXIT_OK;
    }
}
