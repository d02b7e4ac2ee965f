package org.streamframer.app.connection;

import java.util.List;

import org.streamframer.framing.transport.SerialPortInfo;
import org.streamframer.framing.transport.SerialTransport;

/** Lists the serial ports the system knows. Blocking (it asks the OS): call off the FX thread. */
@FunctionalInterface
public interface SerialPorts {

    List<SerialPortInfo> list();

    /** The system's ports through jSerialComm (ptys are not listed; type their path). */
    static SerialPorts system() {
        return SerialTransport::listPorts;
    }
}
