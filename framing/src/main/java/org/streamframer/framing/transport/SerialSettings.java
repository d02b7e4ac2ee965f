package org.streamframer.framing.transport;

import java.util.Objects;

/**
 * How to open a serial port.
 *
 * @param port     a system port name ({@code ttyUSB0}, {@code COM3}) or a device path
 *                 ({@code /dev/ttyUSB0}, a pty such as {@code /dev/pts/3})
 * @param baud     bits per second, e.g. 9600, 115200, 921600
 * @param dataBits 5 to 8
 * @param parity   parity bit
 * @param stopBits stop bits
 * @param flow     flow control
 */
public record SerialSettings(String port, int baud, int dataBits, Parity parity, StopBits stopBits,
                             FlowControl flow) {

    public SerialSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(flow, "flow");
        if (port.isBlank()) {
            throw new IllegalArgumentException("port is blank");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud <= 0: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("dataBits not in 5..8: " + dataBits);
        }
    }

    /** 8 data bits, no parity, one stop bit, no flow control. */
    public static SerialSettings of(String port, int baud) {
        return new SerialSettings(port, baud, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE);
    }

    /** "8N1", "7E2", "8N1.5". */
    public String frameFormat() {
        return dataBits + "" + parity.letter() + stopBits.label();
    }

    /** "/dev/pts/3 115200 8N1" (plus " RTS/CTS" or " XON/XOFF"). */
    @Override
    public String toString() {
        String f = switch (flow) {
            case NONE -> "";
            case RTS_CTS -> " RTS/CTS";
            case XON_XOFF -> " XON/XOFF";
        };
        return port + " " + baud + " " + frameFormat() + f;
    }
}
