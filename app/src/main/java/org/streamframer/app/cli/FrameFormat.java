package org.streamframer.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.streamframer.framing.reader.FrameEvent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * How {@code monitor} prints a frame, one line each:
 * <pre>
 *   text   the bytes as text, non-printable ones escaped: 12,+1.23456789E+00  |  \x00\x01ab\r
 *   hex    lower-case hex: 31322c2b312e3233
 *   jsonl  {"utc":"2026-12-01T08:42:19.123456Z","mono_ns":123,"dir":"RX","len":5,"hex":"...","text":"...","query_id":null}
 * </pre>
 * The JSONL fields are the session log's ({@code org.streamframer.app.log}): {@code text} is
 * the bytes read as ISO-8859-1 (one character per byte), {@code query_id} is null here.
 */
enum FrameFormat {
    TEXT {
        @Override
        void write(FrameEvent e, Writer w) throws IOException {
            w.write(escape(e.bytes()));
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
            try (JsonGenerator g = JSON.createGenerator(w)) {
                g.writeStartObject();
                g.writeStringField("utc", e.time().toString());
                g.writeNumberField("mono_ns", e.monotonicNanos());
                g.writeStringField("dir", e.direction().name());
                g.writeNumberField("len", e.bytes().length);
                g.writeStringField("hex", HexFormat.of().formatHex(e.bytes()));
                g.writeStringField("text", new String(e.bytes(), StandardCharsets.ISO_8859_1));
                g.writeNullField("query_id");
                g.writeEndObject();
            }
            w.write('\n');
        }
    };

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    abstract void write(FrameEvent e, Writer w) throws IOException;

    /** Printable ASCII as is; backslash, CR, LF, TAB and every other byte escaped. */
    static String escape(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length + 8);
        for (byte x : b) {
            int c = x & 0xFF;
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7F) {
                        sb.append((char) c);
                    } else {
                        sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Writes, turning an IOException into an unchecked one (for listener callbacks). */
    void writeUnchecked(FrameEvent e, Writer w) {
        try {
            write(e, w);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
