package org.streamframer.framing.fstrm;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.streamframer.framing.FramingException;

/** Takes the data frames a Frame Streams receiver or file reader delivers. */
@FunctionalInterface
public interface FstrmDataHandler {

    /**
     * One data frame.
     *
     * @param payload the frame's bytes, from {@code position()} to {@code limit()}: a read-only
     *                view into the reader's buffer, valid only during this call (copy to keep)
     * @return true to go on, false to stop receiving (the receiver returns without STOP)
     */
    boolean onData(ByteBuffer payload) throws IOException;

    /**
     * A bad or over-long frame, already skipped. The default ends the stream by throwing it;
     * return instead to log it and go on with the frames after it.
     */
    default void onError(FramingException error) throws IOException {
        throw error;
    }
}
