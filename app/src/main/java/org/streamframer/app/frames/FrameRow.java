package org.streamframer.app.frames;

import java.time.Instant;
import java.util.Objects;

import org.streamframer.framing.ScanResult;
import org.streamframer.framing.fstrm.ControlFrame;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.ErrorEvent;
import org.streamframer.framing.reader.FrameEvent;

/**
 * One row of the live table: a frame (data or a protocol control frame) or an error the reader
 * reported. Immutable; {@code bytes} is the reader's private copy and never changed.
 *
 * @param note for CONTROL rows the control frame's description, for ERROR rows the reason
 */
public record FrameRow(long sequence, Instant time, Direction direction, Kind kind, byte[] bytes, String note) {

    /** What the row shows. */
    public enum Kind { DATA, CONTROL, ERROR }

    private static final byte[] NONE = new byte[0];

    public FrameRow {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        bytes = bytes == null ? NONE : bytes;
        note = note == null ? "" : note;
    }

    /** A row for a delivered frame; frames with a non-data type are control frames. */
    public static FrameRow of(FrameEvent e) {
        boolean control = e.type() != ScanResult.TYPE_DATA;
        String note = control ? controlNote(e) : null;
        return new FrameRow(e.sequence(), e.time(), e.direction(), control ? Kind.CONTROL : Kind.DATA, e.bytes(), note);
    }

    /** A row for a reader error (a corrupt or over-long frame, a lost connection). */
    public static FrameRow of(ErrorEvent e) {
        String why = e.error().getMessage();
        return new FrameRow(-1, e.time(), Direction.RX, Kind.ERROR, NONE,
                why == null || why.isBlank() ? org.streamframer.app.ui.PlainWords.describe(e.error()) : why);
    }

    /** "Frame Streams START protobuf:dnstap.Dnstap", or the type number for other rules' control frames. */
    static String controlNote(FrameEvent e) {
        if (e.meta() instanceof ControlFrame cf) {
            return "Frame Streams " + cf.type() + (cf.contentTypes().isEmpty() ? "" : " " + String.join(", ", cf.contentTypes()));
        }
        return e.meta() != null ? e.meta().toString() : "control frame, type " + e.type();
    }

    public int length() {
        return bytes.length;
    }

    /** The content column in {@code format}; control frames and errors show their note. */
    public String content(ContentFormat format) {
        if (kind == Kind.ERROR) {
            return "error: " + note;
        }
        String body = format == ContentFormat.HEX ? Escapes.hex(bytes) : Escapes.escape(bytes);
        return kind == Kind.CONTROL ? "[" + note + "] " + body : body;
    }
}
