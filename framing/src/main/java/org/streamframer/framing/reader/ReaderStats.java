package org.streamframer.framing.reader;

/**
 * A snapshot of a reader's counters (since the service started, over all connections).
 *
 * @param bytesIn           bytes read from the transport
 * @param bytesOut          bytes written by {@code send}
 * @param framesIn          RX frames framed
 * @param framesOut         TX frames sent
 * @param errors            error events (framing, transport, partial frames, listener failures)
 * @param dropped           events dropped because the queue was full ({@link OverflowPolicy#DROP})
 * @param bytesInPerSecond  receive rate over roughly the last second
 * @param framesInPerSecond RX frame rate over roughly the last second
 */
public record ReaderStats(long bytesIn, long bytesOut, long framesIn, long framesOut,
                          long errors, long dropped, double bytesInPerSecond, double framesInPerSecond) {
}
