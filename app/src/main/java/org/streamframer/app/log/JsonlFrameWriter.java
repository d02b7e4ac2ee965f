package org.streamframer.app.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.streamframer.framing.reader.FrameEvent;

/**
 * Records every frame as one JSON line ({@link JsonlFormat}) with query ids from
 * {@link QueryPairing}, on its own thread ({@link BackgroundFrameWriter}).
 *
 * <pre>{@code
 * JsonlFrameWriter log = JsonlFrameWriter.start(Path.of("session.jsonl"), err -> show(err.getMessage()));
 * reader.addListener(log);
 * ...
 * reader.removeListener(log);
 * log.close();   // writes what is queued, closes the file
 * }</pre>
 */
public final class JsonlFrameWriter extends BackgroundFrameWriter {

    private final QueryPairing pairing = new QueryPairing();
    private Writer text;
    private OutputStream textOver;

    public JsonlFrameWriter(LogTarget target, int capacity, Consumer<LogWriteException> onError) {
        super(target, "session-log-jsonl", capacity, onError);
    }

    /** Starts logging to {@code file} (created or truncated, on the writer thread). */
    public static JsonlFrameWriter start(Path file, Consumer<LogWriteException> onError) {
        JsonlFrameWriter w = new JsonlFrameWriter(LogTarget.file(file), DEFAULT_CAPACITY, onError);
        w.start();
        return w;
    }

    /** Starts logging to a stream the caller owns, e.g. {@code System.out} for the CLI. */
    public static JsonlFrameWriter start(OutputStream out, String name, Consumer<LogWriteException> onError) {
        JsonlFrameWriter w = new JsonlFrameWriter(LogTarget.stream(out, name), DEFAULT_CAPACITY, onError);
        w.start();
        return w;
    }

    @Override
    protected void write(FrameEvent e, OutputStream out) throws IOException {
        if (textOver != out) {
            text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            textOver = out;
        }
        JsonlFormat.write(text, e, pairing.idFor(e));
        text.flush(); // into the buffered stream below; the file is flushed when the queue runs empty
    }

    @Override
    protected void reset() {
        pairing.reset();
    }
}
