/** Transports behind one small interface: TCP client, TCP listen, serial (jSerialComm). */
package org.streamframer.framing.transport;
