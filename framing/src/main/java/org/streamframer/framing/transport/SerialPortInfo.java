package org.streamframer.framing.transport;

/**
 * A serial port found on this machine ({@link SerialTransport#listPorts()}).
 *
 * @param systemName   the system's name, e.g. {@code ttyUSB0} or {@code COM3}
 * @param path         the device path, e.g. {@code /dev/ttyUSB0}
 * @param description  what the system says the port is, e.g. "FT232R USB UART"
 * @param vendorId     USB vendor id, or -1 when not a USB device
 * @param productId    USB product id, or -1 when not a USB device
 * @param serialNumber the USB serial number, or "" when unknown
 */
public record SerialPortInfo(String systemName, String path, String description,
                             int vendorId, int productId, String serialNumber) {
}
