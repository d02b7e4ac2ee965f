package org.streamframer.app.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;

/**
 * Records the bytes of the frames of one direction (or both), back to back, nothing added:
 * an RX-only raw log is the stream as the rule framed it (delimiters kept or stripped as the
 * rule says). Runs on its own thread ({@link BackgroundFrameWriter}).
 */
public final class RawFrameWriter extends BackgroundFrameWriter {

    private final Direction only;

    /** @param only the direction recorded, or null for both */
    public RawFrameWriter(LogTarget target, Direction only, int capacity, Consumer<LogWriteException> onError) {
        super(target, "session-log-raw", capacity, onError);
        this.only = only;
    }

    /** Starts recording RX frames' bytes to {@code file}. */
    public static RawFrameWriter start(Path file, Consumer<LogWriteException> onError) {
        RawFrameWriter w = new RawFrameWriter(LogTarget.file(Objects.requireNonNull(file, "file")), Direction.RX,
                DEFAULT_CAPACITY, onError);
        w.start();
        return w;
    }

    @Override
    public void onFrame(FrameEvent e) {
        if (only == null || e.direction() == only) {
            super.onFrame(e);
        }
    }

    @Override
    protected void write(FrameEvent e, OutputStream out) throws IOException {
        out.write(e.bytes());
    }
}
