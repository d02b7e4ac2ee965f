package org.streamframer.app.connection;

import org.streamframer.framing.transport.SerialPortInfo;

/**
 * A USB serial adapter recognised by vendor id, product id and (when it has one) serial number,
 * so a profile finds it again when the system gives it another port name after a re-plug.
 */
public record UsbMatch(int vendorId, int productId, String serialNumber) {

    /** The device behind {@code port}, or null if the port is not a USB device. */
    public static UsbMatch of(SerialPortInfo port) {
        if (port == null || port.vendorId() <= 0 || port.productId() <= 0) {
            return null;
        }
        return new UsbMatch(port.vendorId(), port.productId(), blankToNull(port.serialNumber()));
    }

    /** Whether {@code port} is this device. A match without a serial number matches any serial. */
    public boolean matches(SerialPortInfo port) {
        return port.vendorId() == vendorId && port.productId() == productId
                && (serialNumber == null || serialNumber.equals(blankToNull(port.serialNumber())));
    }

    /** "0403:6001 A50285BI". */
    public String describe() {
        return String.format("%04x:%04x", vendorId, productId) + (serialNumber == null ? "" : " " + serialNumber);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
