package org.streamframer.app.connection;

import java.util.Objects;

import org.streamframer.framing.transport.FlowControl;
import org.streamframer.framing.transport.Parity;
import org.streamframer.framing.transport.SerialSettings;
import org.streamframer.framing.transport.StopBits;

/**
 * Where to connect, for every transport at once (the fields of the others are kept, so
 * switching transport in the form loses nothing).
 *
 * @param followUsb when not null, a serial connection uses whichever port this device is on now
 */
public record ConnectionSettings(TransportKind kind, String host, int port, String listenAddress, int listenPort,
                                 String serialPort, int baud, int dataBits, Parity parity, StopBits stopBits,
                                 FlowControl flow, UsbMatch followUsb) {

    public ConnectionSettings {
        Objects.requireNonNull(kind, "kind");
        host = host == null ? "" : host;
        listenAddress = listenAddress == null ? "127.0.0.1" : listenAddress;
        serialPort = serialPort == null ? "" : serialPort;
        parity = parity == null ? Parity.NONE : parity;
        stopBits = stopBits == null ? StopBits.ONE : stopBits;
        flow = flow == null ? FlowControl.NONE : flow;
    }

    /** The simulated instrument, with sensible values in the other transports' fields. */
    public static ConnectionSettings simulator() {
        return new ConnectionSettings(TransportKind.SIMULATOR, "127.0.0.1", 5025, "127.0.0.1", 6000, "",
                115200, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE, null);
    }

    /** The serial part, for {@code port} (which may differ from {@link #serialPort()} when following a device). */
    public SerialSettings serial(String portPath) {
        return new SerialSettings(portPath, baud, dataBits, parity, stopBits, flow);
    }

    /** "tcp 10.0.0.5:5025", "serial /dev/ttyUSB0 115200 8N1", "simulated instrument". */
    public String describe() {
        return switch (kind) {
            case SIMULATOR -> "simulated instrument";
            case TCP_CLIENT -> "tcp " + host + ":" + port;
            case TCP_LISTEN -> "listen " + listenAddress + ":" + listenPort;
            case SERIAL -> "serial " + (followUsb != null ? "USB " + followUsb.describe() : serialPort) + " " + baud
                    + " " + dataBits + parity.name().charAt(0) + switch (stopBits) {
                        case ONE -> "1";
                        case ONE_POINT_FIVE -> "1.5";
                        case TWO -> "2";
                    };
        };
    }
}
