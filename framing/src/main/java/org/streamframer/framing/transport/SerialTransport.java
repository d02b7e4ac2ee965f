package org.streamframer.framing.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/**
 * A serial port through jSerialComm: a system port name ({@code ttyUSB0}, {@code COM3}) or a
 * device path, including a pty such as {@code /dev/pts/3} (which {@link #listPorts()} does not
 * list, but which opens by path).
 *
 * <p>jSerialComm reports failure as {@code false} plus an error code; this class turns every
 * failure into an {@link IOException} naming the port and the reason: "serial /dev/ttyUSB9:
 * not found", "... : busy (opened by another program)", "... : permission denied (is the user in
 * the dialout group?)".
 *
 * <p>Reads are semi-blocking with a timeout (100 ms unless {@link #readTimeout} says otherwise):
 * they return as soon as any byte is there, or 0 when the timeout passes. A read error or a
 * vanished device (a pty whose other end closed, a USB adapter pulled) is end of stream (-1).
 * Writes are serialized and block until the bytes are handed to the driver.
 */
public final class SerialTransport implements Transport {

    /** errno values jSerialComm reports on Linux. */
    private static final int ENOENT = 2;
    private static final int EAGAIN = 11;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int EINVAL = 22;

    /**
     * Ports open in this JVM (by real path). jSerialComm refuses a second open of the same port
     * with a misleading "no such file" code, so the second open is caught here, by name.
     */
    private static final java.util.Set<String> OPEN_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final SerialPort port;
    private final String lockKey;
    private final SerialSettings settings;
    private final String description;
    private final Object writeLock = new Object();
    private final Object closeLock = new Object();
    private volatile boolean open = true;
    /** The port was closed and its name released; guarded by {@code closeLock}. */
    private boolean released;
    private volatile int readTimeoutMs = SocketTransport.DEFAULT_READ_TIMEOUT_MS;

    private SerialTransport(SerialPort port, String lockKey, SerialSettings settings) {
        this.port = port;
        this.lockKey = lockKey;
        this.settings = settings;
        this.description = "serial " + settings;
    }

    /**
     * Opens and configures the port.
     *
     * @throws IOException naming the port and why it could not be opened or configured
     */
    public static SerialTransport open(SerialSettings s) throws IOException {
        Objects.requireNonNull(s, "settings");
        String name = "serial " + s.port();
        Path device = Path.of(s.port().startsWith("/") ? s.port() : "/dev/" + s.port());
        boolean isPath = s.port().startsWith("/");
        if (isPath && !Files.exists(device)) {
            throw new IOException(name + ": not found (no such device)");
        }
        String key = Files.exists(device) ? device.toRealPath().toString() : s.port();
        if (!OPEN_HERE.add(key)) {
            throw new IOException(name + ": cannot open: busy (already open in this program)");
        }
        boolean ok = false;
        try {
            SerialPort p;
            try {
                p = SerialPort.getCommPort(s.port());
            } catch (SerialPortInvalidPortException e) {
                throw new IOException(name + ": not found (" + e.getMessage() + ")", e);
            }
            if (!p.openPort()) {
                throw new IOException(name + ": cannot open: " + reason(p, device));
            }
            try {
                configure(p, s, name);
                SerialTransport t = new SerialTransport(p, key, s);
                t.applyTimeouts();
                ok = true;
                return t;
            } finally {
                if (!ok) {
                    p.closePort();
                }
            }
        } finally {
            if (!ok) {
                OPEN_HERE.remove(key);
            }
        }
    }

    /**
     * Applies the line settings. jSerialComm re-applies every setting on each call, so a setting
     * the device refuses may only fail on a later call: the message names all of them.
     */
    private static void configure(SerialPort p, SerialSettings s, String name) throws IOException {
        if (!p.setComPortParameters(s.baud(), s.dataBits(), stopBits(s.stopBits()), parity(s.parity()))
                || !p.setFlowControl(flow(s.flow()))) {
            throw new IOException(name + ": cannot apply " + s.toString().substring(s.port().length() + 1)
                    + ": " + errno(p.getLastErrorCode()));
        }
    }

    /** A readable errno for configuration failures. */
    private static String errno(int code) {
        return switch (code) {
            case EINVAL -> "invalid argument (error 22: the device refused these settings)";
            case EACCES -> "permission denied (error 13)";
            case 5 -> "input/output error (error 5: the device is gone?)";
            default -> "error " + code;
        };
    }

    private static String reason(SerialPort p, Path device) {
        int code = p.getLastErrorCode();
        switch (code) {
            case ENOENT:
                return Files.exists(device) ? "busy or not a serial port (error 2 at native location "
                        + p.getLastErrorLocation() + ")" : "not found";
            case EACCES:
                return "permission denied (is the user in the dialout group?)";
            case EBUSY:
            case EAGAIN:
                return "busy (opened by another program)";
            default:
                if (Files.exists(device) && !Files.isReadable(device)) {
                    return "permission denied (is the user in the dialout group?)";
                }
                return "error " + code + " at native location " + p.getLastErrorLocation();
        }
    }

    /** A factory opening the port anew on each {@link TransportFactory#open()}. */
    public static TransportFactory factory(SerialSettings s) {
        Objects.requireNonNull(s, "settings");
        return new TransportFactory() {
            @Override
            public Transport open() throws IOException {
                return SerialTransport.open(s);
            }

            @Override
            public String toString() {
                return "serial " + s;
            }
        };
    }

    /** The serial ports the system knows of (ptys are not listed; open them by path). */
    public static List<SerialPortInfo> listPorts() {
        List<SerialPortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            out.add(new SerialPortInfo(p.getSystemPortName(), p.getSystemPortPath(),
                    nonNull(p.getPortDescription()), p.getVendorID(), p.getProductID(),
                    nonNull(p.getSerialNumber())));
        }
        return out;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private void applyTimeouts() throws IOException {
        if (!port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                readTimeoutMs, 0)) {
            throw new IOException("serial " + settings.port() + ": cannot apply "
                    + settings.toString().substring(settings.port().length() + 1) + " with a "
                    + readTimeoutMs + " ms read timeout: " + errno(port.getLastErrorCode()));
        }
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (!open) {
            return -1;
        }
        int n = port.readBytes(dst, len, off);
        if (n < 0) {
            open = false; // the device is gone (or the port was closed)
            return -1;
        }
        return n;
    }

    @Override
    public void write(byte[] src, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, src.length);
        synchronized (writeLock) {
            int done = 0;
            while (done < len) {
                if (!open) {
                    throw new IOException(description + ": write failed: port closed");
                }
                int n = port.writeBytes(src, len - done, off + done);
                if (n < 0) {
                    throw new IOException(description + ": write failed after " + done + " of " + len
                            + " bytes (error " + port.getLastErrorCode() + ")");
                }
                done += n;
            }
        }
    }

    @Override
    public void readTimeout(Duration timeout) throws IOException {
        readTimeoutMs = TransportTimeouts.millis(timeout);
        applyTimeouts();
    }

    /** The settings the port was opened with. */
    public SerialSettings settings() {
        return settings;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean isOpen() {
        return open && port.isOpen();
    }

    @Override
    public void close() throws IOException {
        synchronized (closeLock) { // not the write lock: close() must not wait for a blocked write
            open = false;
            if (released) {
                return;
            }
            try {
                if (port.isOpen() && !port.closePort()) {
                    throw new IOException(description + ": close failed (error " + port.getLastErrorCode() + ")");
                }
            } finally {
                released = true;
                OPEN_HERE.remove(lockKey);
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }

    private static int stopBits(StopBits b) {
        return switch (b) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int parity(Parity p) {
        return switch (p) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private static int flow(FlowControl f) {
        return switch (f) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        };
    }
}
