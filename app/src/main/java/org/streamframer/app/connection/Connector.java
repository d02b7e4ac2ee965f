package org.streamframer.app.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

import org.streamframer.framing.FrameRule;
import org.streamframer.framing.reader.OverflowPolicy;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.reader.ReaderService;
import org.streamframer.framing.reader.ReconnectPolicy;
import org.streamframer.framing.scpi.InstrumentSession;
import org.streamframer.framing.transport.SerialPortInfo;
import org.streamframer.framing.transport.SerialTransport;
import org.streamframer.framing.transport.TcpClientTransport;
import org.streamframer.framing.transport.TcpListenTransport;
import org.streamframer.framing.transport.TransportFactory;

/**
 * Opens an {@link ActiveConnection} for a profile. The reader connects in the background and
 * reports progress to the listener; for the simulated instrument the simulator is started first
 * (blocking, so call {@link #open} off the FX thread).
 */
public final class Connector {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final int RAW_CAPTURE_BYTES = 64 * 1024;

    private final SerialPorts ports;
    private final Simulators simulators;

    public Connector(SerialPorts ports, Simulators simulators) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.simulators = Objects.requireNonNull(simulators, "simulators");
    }

    /**
     * Starts connecting with {@code profile}, framing with {@code rule}; {@code listener} hears
     * every frame, error and state change on the reader's delivery thread.
     *
     * @throws IOException if the simulator cannot start or the settings cannot be used
     */
    public ActiveConnection open(ConnectionProfile profile, FrameRule rule, ReaderListener listener)
            throws IOException {
        ConnectionSettings s = profile.settings();
        Simulators.Running sim = null;
        TransportFactory factory;
        switch (s.kind()) {
            case SIMULATOR -> {
                sim = simulators.start();
                factory = TcpClientTransport.factory(sim.host(), sim.port(), CONNECT_TIMEOUT);
            }
            case TCP_CLIENT -> factory = TcpClientTransport.factory(s.host(), s.port(), CONNECT_TIMEOUT);
            case TCP_LISTEN -> factory = TcpListenTransport.factory(new InetSocketAddress(s.listenAddress(),
                    s.listenPort()));
            case SERIAL -> factory = serialFactory(s);
            default -> throw new IllegalArgumentException("unknown transport " + s.kind());
        }
        RawCapture raw = new RawCapture(RAW_CAPTURE_BYTES);
        ReconnectPolicy reconnect = profile.autoReconnect()
                ? new ReconnectPolicy(true, Duration.ofMillis(500), Duration.ofSeconds(10))
                : ReconnectPolicy.off();
        try {
            ReaderService reader = ReaderService.builder(raw.wrap(factory))
                    .rule(rule)
                    .listener(listener)
                    .overflow(OverflowPolicy.DROP)
                    .reconnect(reconnect)
                    .name("console-" + s.kind().name().toLowerCase())
                    .start();
            InstrumentSession session = new InstrumentSession(reader, profile.terminator());
            return new ActiveConnection(profile, reader, session, raw, sim);
        } catch (RuntimeException e) {
            if (sim != null) {
                sim.close();
            }
            throw e;
        }
    }

    /**
     * A serial factory that, when the profile follows a USB device, looks up the device's
     * current port at every (re)connect, falling back to the saved path.
     */
    TransportFactory serialFactory(ConnectionSettings s) {
        if (s.followUsb() == null) {
            return SerialTransport.factory(s.serial(s.serialPort()));
        }
        return () -> SerialTransport.open(s.serial(resolvePort(s)));
    }

    /** The path of the followed device now, or the saved path if it is not plugged in. */
    String resolvePort(ConnectionSettings s) throws IOException {
        for (SerialPortInfo p : ports.list()) {
            if (s.followUsb().matches(p)) {
                return p.path();
            }
        }
        if (s.serialPort().isBlank()) {
            throw new IOException("USB device " + s.followUsb().describe() + " is not plugged in");
        }
        return s.serialPort();
    }
}
