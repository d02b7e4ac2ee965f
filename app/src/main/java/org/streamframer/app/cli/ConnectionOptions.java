package org.streamframer.app.cli;

import java.time.Duration;

import org.streamframer.framing.transport.FlowControl;
import org.streamframer.framing.transport.Parity;
import org.streamframer.framing.transport.SerialSettings;
import org.streamframer.framing.transport.SerialTransport;
import org.streamframer.framing.transport.StopBits;
import org.streamframer.framing.transport.TcpClientTransport;
import org.streamframer.framing.transport.TransportFactory;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where to connect: {@code --tcp}, {@code --serial} (with its line settings) or {@code --resource}. */
final class ConnectionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--tcp", paramLabel = "HOST:PORT", description = "Connect to a TCP socket, e.g. 127.0.0.1:5025.")
    String tcp;

    @Option(names = "--serial", paramLabel = "PATH", description = "Open a serial port, e.g. /dev/ttyUSB0 or COM3.")
    String serial;

    @Option(names = "--resource", paramLabel = "VISA",
            description = "A VISA resource: TCPIP::HOST::PORT::SOCKET or ASRL/dev/ttyUSB0::INSTR.")
    String resource;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200",
            description = "Serial speed (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--data-bits", paramLabel = "5-8", defaultValue = "8", description = "Serial data bits (default: ${DEFAULT-VALUE}).")
    int dataBits;

    @Option(names = "--parity", paramLabel = "P", defaultValue = "NONE",
            description = "Serial parity: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Parity parity;

    @Option(names = "--stop-bits", paramLabel = "S", defaultValue = "ONE",
            description = "Serial stop bits: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    StopBits stopBits;

    @Option(names = "--flow", paramLabel = "F", defaultValue = "NONE",
            description = "Serial flow control: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FlowControl flow;

    @Option(names = "--connect-timeout", paramLabel = "MS", defaultValue = "3000",
            description = "TCP connect timeout in ms (default: ${DEFAULT-VALUE}).")
    int connectTimeoutMs;

    /** Whether any of --tcp, --serial, --resource was given. */
    boolean given() {
        return tcp != null || serial != null || resource != null;
    }

    /**
     * The transport named by exactly one of the options.
     *
     * @param alsoAllowed other options that would also name an endpoint, for the error message
     * @throws ParameterException none or several given, or one that does not parse
     */
    TransportFactory factory(String alsoAllowed) {
        int n = (tcp != null ? 1 : 0) + (serial != null ? 1 : 0) + (resource != null ? 1 : 0);
        if (n != 1) {
            throw new ParameterException(spec.commandLine(), (n == 0 ? "missing" : "more than one of")
                    + " --tcp HOST:PORT, --serial PATH" + alsoAllowed + ", --resource VISA"
                    + (n == 0 ? " (give one)" : " (give only one)"));
        }
        if (connectTimeoutMs < 1) {
            throw new ParameterException(spec.commandLine(), "--connect-timeout must be at least 1 ms: " + connectTimeoutMs);
        }
        try {
            String serialPath = serial;
            HostPort hp = tcp != null ? HostPort.parse(tcp) : null;
            if (resource != null) {
                VisaResource r = VisaResource.parse(resource);
                hp = r.tcp();
                serialPath = r.serialPath();
            }
            if (hp != null) {
                if (hp.port() == 0) {
                    throw new IllegalArgumentException("cannot connect to port 0 of " + hp.host());
                }
                return TcpClientTransport.factory(hp.host(), hp.port(), Duration.ofMillis(connectTimeoutMs));
            }
            return SerialTransport.factory(serialSettings(serialPath));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The TCP endpoint (for commands that speak only TCP); ParameterException otherwise. */
    HostPort tcpEndpoint() {
        if (connectTimeoutMs < 1) {
            throw new ParameterException(spec.commandLine(), "--connect-timeout must be at least 1 ms: " + connectTimeoutMs);
        }
        int n = (tcp != null ? 1 : 0) + (resource != null ? 1 : 0);
        if (serial != null || n != 1) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --tcp HOST:PORT or --resource TCPIP::HOST::PORT::SOCKET");
        }
        try {
            HostPort hp = tcp != null ? HostPort.parse(tcp) : VisaResource.parse(resource).tcp();
            if (hp == null) {
                throw new IllegalArgumentException("'" + resource + "' is a serial resource; this command needs TCP");
            }
            return hp;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private SerialSettings serialSettings(String path) {
        return new SerialSettings(path, baud, dataBits, parity, stopBits, flow);
    }
}
