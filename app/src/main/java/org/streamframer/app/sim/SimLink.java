package org.streamframer.app.sim;

import java.io.Closeable;
import java.io.IOException;

/** One client's byte pipe (a TCP connection or the serial port). */
interface SimLink extends Closeable {

    /** Reads into {@code dst}; bytes read, 0 when a read timed out with nothing, -1 at the end. */
    int read(byte[] dst, int off, int len) throws IOException;

    /** Writes all bytes (callers serialize writes). */
    void write(byte[] src, int off, int len) throws IOException;

    /** For thread names and logs: "tcp 127.0.0.1:43210", "serial /dev/pts/3". */
    String describe();
}
