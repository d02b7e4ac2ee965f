package org.streamframer.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

import org.streamframer.app.log.BackgroundFrameWriter;
import org.streamframer.app.log.LogTarget;
import org.streamframer.app.log.LogWriteException;
import org.streamframer.framing.reader.FrameEvent;

/**
 * Writes {@code monitor}'s text or hex lines of the received frames to a file, on its own
 * thread with a bounded queue ({@link BackgroundFrameWriter}), like the session log writers.
 */
final class LineFrameWriter extends BackgroundFrameWriter {

    private final FrameFormat format;
    private Writer text;
    private OutputStream textOver;

    LineFrameWriter(LogTarget target, FrameFormat format, int capacity, Consumer<LogWriteException> onError) {
        super(target, "monitor-" + format.name().toLowerCase(java.util.Locale.ROOT) + "-writer", capacity, onError);
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public void onFrame(FrameEvent e) {
        if (format.shows(e.direction())) {
            super.onFrame(e);
        }
    }

    @Override
    protected void write(FrameEvent e, OutputStream out) throws IOException {
        if (textOver != out) {
            text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            textOver = out;
        }
        format.write(e, null, text);
        text.flush(); // into the buffered stream below, which the base class flushes
    }
}
