package org.streamframer.app.sim;

import java.io.IOException;

import com.fazecast.jSerialComm.SerialPort;

/** The simulator's serial port (8N1, no flow control), opened by path (ptys included). */
final class SerialLink implements SimLink {

    private static final int READ_TIMEOUT_MS = 200;

    private final SerialPort port;
    private final String path;

    private SerialLink(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    /** Opens {@code path}; the IOException names the port and jSerialComm's error code. */
    static SerialLink open(String path, int baud) throws IOException {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new IOException("cannot open serial port " + path + ": " + e.getMessage(), e);
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MS, 0);
        if (!p.openPort()) {
            throw new IOException("cannot open serial port " + path + " (jSerialComm error "
                    + p.getLastErrorCode() + " at " + p.getLastErrorLocation() + ")");
        }
        return new SerialLink(p, path);
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        int n = port.readBytes(dst, len, off);
        if (n < 0) {
            if (!port.isOpen()) {
                return -1;
            }
            throw new IOException("reading serial port " + path + " failed (jSerialComm error "
                    + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void write(byte[] src, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = port.writeBytes(src, len - done, off + done);
            if (n < 0) {
                throw new IOException("writing " + (len - done) + " bytes to serial port " + path
                        + " failed (jSerialComm error " + port.getLastErrorCode() + ")");
            }
            done += n;
        }
    }

    @Override
    public String describe() {
        return "serial " + path;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
