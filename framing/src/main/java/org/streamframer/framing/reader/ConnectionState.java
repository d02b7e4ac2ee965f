package org.streamframer.framing.reader;

/**
 * The reader's connection state, reported with each change as a {@link StateEvent}.
 * <ul>
 *   <li>CONNECTING: opening the transport (also each reconnect attempt);</li>
 *   <li>CONNECTED: reading;</li>
 *   <li>DISCONNECTED: the connection ended: the peer closed or reset it, the device went away,
 *       a read failed (the error is reported first), or {@code close()} was called;</li>
 *   <li>FAILED: the transport could not be opened (the detail says why); with a reconnect
 *       policy another CONNECTING attempt follows.</li>
 * </ul>
 */
public enum ConnectionState { CONNECTING, CONNECTED, DISCONNECTED, FAILED }
