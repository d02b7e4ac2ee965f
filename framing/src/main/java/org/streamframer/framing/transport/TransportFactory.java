package org.streamframer.framing.transport;

import java.io.IOException;

/**
 * Opens a new connection each time it is called: the reader service calls it once per connection
 * (and again on each reconnect attempt). May block (connecting, accepting).
 */
@FunctionalInterface
public interface TransportFactory {

    /**
     * Opens a connection.
     *
     * @throws IOException the connection could not be made; the message says to what and why
     */
    Transport open() throws IOException;
}
