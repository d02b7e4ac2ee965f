package org.streamframer.app.cli;

import java.util.Locale;

/**
 * The VISA resource strings lab technicians know from NI-MAX and PyVISA, for the two kinds of
 * connection the CLI makes:
 * <pre>
 *   TCPIP[board]::HOST::PORT::SOCKET     raw TCP socket (SCPI-RAW, usually port 5025)
 *   ASRL/dev/ttyUSB0::INSTR              serial port by path
 *   ASRLCOM3::INSTR, ASRL3::INSTR        serial port COM3 (ASRL&lt;n&gt; is /dev/ttyS&lt;n-1&gt; off Windows)
 * </pre>
 * VXI-11 and HiSLIP ({@code TCPIP::HOST::INSTR}, {@code ::hislip0}) are not spoken; the error says
 * to use the instrument's raw socket port instead. Keywords are case-insensitive.
 */
record VisaResource(HostPort tcp, String serialPath) {

    static VisaResource parse(String resource) {
        String[] parts = resource.split("::", -1);
        String head = parts[0].toUpperCase(Locale.ROOT);
        if (head.matches("TCPIP\\d*")) {
            if (parts.length == 4 && parts[3].equalsIgnoreCase("SOCKET")) {
                int port;
                try {
                    port = Integer.parseInt(parts[2]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("VISA resource '" + resource + "': port '" + parts[2]
                            + "' is not a number");
                }
                return new VisaResource(new HostPort(parts[1], port), null);
            }
            if (parts[parts.length - 1].equalsIgnoreCase("SOCKET")) {
                throw new IllegalArgumentException("VISA resource '" + resource + "' is not TCPIP::HOST::PORT::SOCKET"
                        + " (a socket resource names its host and its port, e.g. TCPIP::192.168.1.20::5025::SOCKET)");
            }
            throw new IllegalArgumentException("VISA resource '" + resource + "' is not a raw socket;"
                    + " VXI-11/HiSLIP are not supported: use TCPIP::HOST::PORT::SOCKET (SCPI raw port, usually 5025)");
        }
        if (head.startsWith("ASRL")) {
            if (parts.length != 2 || !parts[1].equalsIgnoreCase("INSTR") || parts[0].length() == 4) {
                throw new IllegalArgumentException("VISA resource '" + resource
                        + "' is not a serial resource like ASRL/dev/ttyUSB0::INSTR");
            }
            String port = parts[0].substring(4);
            if (port.matches("\\d+")) {
                int n = Integer.parseInt(port);
                boolean windows = System.getProperty("os.name", "").startsWith("Windows");
                port = windows ? "COM" + n : "/dev/ttyS" + (n - 1);
            }
            return new VisaResource(null, port);
        }
        throw new IllegalArgumentException("VISA resource '" + resource
                + "' is neither TCPIP::HOST::PORT::SOCKET nor ASRL<port>::INSTR");
    }

    boolean isTcp() {
        return tcp != null;
    }
}
