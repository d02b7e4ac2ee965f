package org.streamframer.app.log;

import java.util.Objects;
import java.util.function.Consumer;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.reader.ReaderService;

/**
 * Where a session log gets its frames: anything that takes and drops reader listeners. The
 * console passes its connection view model (which keeps listeners across reconnects):
 * {@code new FrameSource(connection::addListener, connection::removeListener)}.
 */
public record FrameSource(Consumer<ReaderListener> add, Consumer<ReaderListener> remove) {

    public FrameSource {
        Objects.requireNonNull(add, "add");
        Objects.requireNonNull(remove, "remove");
    }

    /** One reader's frames. */
    public static FrameSource of(ReaderService reader) {
        return new FrameSource(reader::addListener, reader::removeListener);
    }
}
