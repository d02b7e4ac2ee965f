package org.streamframer.app.plot;

import java.io.IOException;
import java.time.Duration;

/**
 * Sends one query and returns the answer's text (terminator stripped). Blocking; the poller
 * calls it on its query thread, never on the FX thread. {@code InstrumentSession} fits as
 * {@code (cmd, t) -> session.query(cmd, t).text()}.
 */
@FunctionalInterface
public interface QueryFunction {
    /**
     * @throws IOException on a transport error; a timeout should be reported as an
     *         {@link IOException} that {@link Timeouts#isTimeout(Throwable)} recognises
     */
    String query(String command, Duration timeout) throws IOException;
}
