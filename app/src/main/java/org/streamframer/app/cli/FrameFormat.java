package org.streamframer.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HexFormat;

import org.streamframer.app.frames.Escapes;
import org.streamframer.app.log.JsonlFormat;
import org.streamframer.framing.reader.FrameEvent;

/**
 * How {@code monitor} prints a frame, one line each:
 * <pre>
 *   text   the bytes as text, non-printable ones escaped ({@link Escapes}): 12,+1.23456789E+00  |  \x00\x01ab\r
 *   hex    lower-case hex: 31322c2b312e3233
 *   jsonl  {"utc":"2026-12-01T08:42:19.123456Z","mono_ns":123,"dir":"RX","len":5,"hex":"...","text":"...","query_id":null}
 * </pre>
 * JSONL is the session log's format ({@link JsonlFormat}); {@code query_id} is null here.
 */
enum FrameFormat {
    TEXT {
        @Override
        void write(FrameEvent e, Writer w) throws IOException {
            w.write(Escapes.escape(e.bytes()));
            w.write('\n');
        }
    },
    HEX {
        @Override
        void write(FrameEvent e, Writer w) throws IOException {
            w.write(HexFormat.of().formatHex(e.bytes()));
            w.write('\n');
        }
    },
    JSONL {
        @Override
        void write(FrameEvent e, Writer w) throws IOException {
            JsonlFormat.write(w, e, null);
        }
    };

    abstract void write(FrameEvent e, Writer w) throws IOException;

    /** Writes, turning an IOException into an unchecked one (for listener callbacks). */
    void writeUnchecked(FrameEvent e, Writer w) {
        try {
            write(e, w);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
