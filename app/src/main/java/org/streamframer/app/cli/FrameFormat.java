package org.streamframer.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;

import org.streamframer.app.frames.Escapes;
import org.streamframer.app.log.BackgroundFrameWriter;
import org.streamframer.app.log.JsonlFormat;
import org.streamframer.app.log.JsonlFrameWriter;
import org.streamframer.app.log.LogTarget;
import org.streamframer.app.log.LogWriteException;
import org.streamframer.app.log.RawFrameWriter;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;

/**
 * How {@code monitor} prints a frame:
 * <pre>
 *   text   one line, the bytes as text, non-printable ones escaped ({@link Escapes}): 12,+1.23456789E+00  |  \x00\x01ab\r
 *   hex    one line, lower-case hex: 31322c2b312e3233
 *   jsonl  one line, the session log's format ({@link JsonlFormat}), both directions, query ids paired:
 *          {"utc":"2026-12-01T08:42:19.123456Z","mono_ns":123,"dir":"RX","len":5,"hex":"...","text":"...","query_id":null}
 *   raw    the received frames' bytes back to back, nothing added ({@link RawFrameWriter}; --out only)
 * </pre>
 * To a file ({@code --out}) every format is written by a session-log writer on its own thread
 * ({@link #fileWriter}); to stdout by {@link #write}.
 */
enum FrameFormat {
    TEXT {
        @Override
        void write(FrameEvent e, Long queryId, Writer w) throws IOException {
            w.write(Escapes.escape(e.bytes()));
            w.write('\n');
        }
    },
    HEX {
        @Override
        void write(FrameEvent e, Long queryId, Writer w) throws IOException {
            w.write(HexFormat.of().formatHex(e.bytes()));
            w.write('\n');
        }
    },
    JSONL {
        @Override
        void write(FrameEvent e, Long queryId, Writer w) throws IOException {
            JsonlFormat.write(w, e, queryId);
        }

        @Override
        boolean shows(Direction d) {
            return true;
        }

        @Override
        BackgroundFrameWriter fileWriter(Path file, int capacity, Consumer<LogWriteException> onError) {
            return new JsonlFrameWriter(LogTarget.file(file), capacity, onError);
        }
    },
    RAW {
        @Override
        void write(FrameEvent e, Long queryId, Writer w) {
            throw new UnsupportedOperationException("raw frames are written to a file only (--out)");
        }

        @Override
        boolean toStdout() {
            return false;
        }

        @Override
        BackgroundFrameWriter fileWriter(Path file, int capacity, Consumer<LogWriteException> onError) {
            return new RawFrameWriter(LogTarget.file(file), Direction.RX, capacity, onError);
        }
    };

    /** Writes one frame (stdout); {@code queryId} is only used by JSONL. */
    abstract void write(FrameEvent e, Long queryId, Writer w) throws IOException;

    /** Whether frames of direction {@code d} are written (TX only in JSONL). */
    boolean shows(Direction d) {
        return d == Direction.RX;
    }

    /** Whether this format can go to stdout. */
    boolean toStdout() {
        return true;
    }

    /** A writer (not started) that records this format to {@code file} on its own thread. */
    BackgroundFrameWriter fileWriter(Path file, int capacity, Consumer<LogWriteException> onError) {
        return new LineFrameWriter(LogTarget.file(file), this, capacity, onError);
    }

    /** Writes, turning an IOException into an unchecked one (for listener callbacks). */
    void writeUnchecked(FrameEvent e, Long queryId, Writer w) {
        try {
            write(e, queryId, w);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** {@code text}, {@code hex}, {@code jsonl} or {@code raw}, any case. */
    static FrameFormat parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + s + "' is not text, hex, jsonl or raw", e);
        }
    }
}
