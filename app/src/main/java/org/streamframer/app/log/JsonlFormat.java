package org.streamframer.app.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;

/**
 * The session log's JSON Lines format: one object per frame, one line per object, fields in
 * this order:
 *
 * <pre>
 * {"utc":"2026-12-01T09:00:00.123456789Z","mono_ns":81234567890123,"dir":"TX","len":6,
 *  "hex":"2a49444e3f0a","text":"*IDN?\n","query_id":1}
 * </pre>
 * (shown on two lines here; one line in the file)
 * <ul>
 *   <li>{@code utc}: ISO-8601 instant, as precise as the frame's timestamp;</li>
 *   <li>{@code mono_ns}: monotonic nanoseconds ({@link System#nanoTime()}), for intervals;</li>
 *   <li>{@code dir}: {@code RX} or {@code TX};</li>
 *   <li>{@code len}: byte count; {@code hex}: the bytes, lower-case hex, no separators (authoritative);</li>
 *   <li>{@code text}: the bytes as ISO-8859-1 (one char per byte, JSON-escaped), for people and grep;</li>
 *   <li>{@code query_id}: a number pairing a query with its answer, or {@code null}.</li>
 * </ul>
 * The CLI's {@code monitor --format jsonl} writes the same lines.
 */
public final class JsonlFormat {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private JsonlFormat() {
    }

    /** Writes one frame as one line (with its {@code \n}). */
    public static void write(Writer out, FrameEvent e, Long queryId) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("utc", e.time().toString());
            g.writeNumberField("mono_ns", e.monotonicNanos());
            g.writeStringField("dir", e.direction().name());
            g.writeNumberField("len", e.bytes().length);
            g.writeStringField("hex", HEX.formatHex(e.bytes()));
            g.writeStringField("text", new String(e.bytes(), StandardCharsets.ISO_8859_1));
            if (queryId == null) {
                g.writeNullField("query_id");
            } else {
                g.writeNumberField("query_id", queryId);
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** One frame as one line (without the {@code \n}). */
    public static String toLine(FrameEvent e, Long queryId) {
        StringWriter w = new StringWriter(64 + 3 * e.bytes().length);
        try {
            write(w, e, queryId);
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to a StringWriter failed", impossible);
        }
        String s = w.toString();
        return s.substring(0, s.length() - 1);
    }

    /**
     * Parses one line.
     *
     * @param lineNumber for the frame and for error messages
     * @throws LogFormatException naming the line and the field that is missing or wrong
     */
    public static LoggedFrame parse(String line, long lineNumber) throws LogFormatException {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new LogFormatException(lineNumber, "not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new LogFormatException(lineNumber, "not a JSON object");
        }
        Instant utc;
        try {
            utc = Instant.parse(text(n, "utc", lineNumber));
        } catch (DateTimeParseException e) {
            throw new LogFormatException(lineNumber, "field 'utc' is not an ISO-8601 instant: " + n.get("utc"));
        }
        long mono = integer(n, "mono_ns", lineNumber);
        String dir = text(n, "dir", lineNumber);
        Direction d;
        try {
            d = Direction.valueOf(dir);
        } catch (IllegalArgumentException e) {
            throw new LogFormatException(lineNumber, "field 'dir' is \"" + dir + "\", expected RX or TX");
        }
        byte[] bytes;
        try {
            bytes = HEX.parseHex(text(n, "hex", lineNumber));
        } catch (IllegalArgumentException e) {
            throw new LogFormatException(lineNumber, "field 'hex' is not hex: " + e.getMessage());
        }
        long len = integer(n, "len", lineNumber);
        if (len != bytes.length) {
            throw new LogFormatException(lineNumber, "field 'len' is " + len + " but 'hex' holds " + bytes.length
                    + " bytes");
        }
        JsonNode q = n.get("query_id");
        Long queryId = null;
        if (q != null && !q.isNull()) {
            if (!q.canConvertToLong() || !q.isIntegralNumber()) {
                throw new LogFormatException(lineNumber, "field 'query_id' is not a whole number or null: " + q);
            }
            queryId = q.longValue();
        }
        return new LoggedFrame(lineNumber, utc, mono, d, bytes, queryId);
    }

    private static String text(JsonNode n, String field, long line) throws LogFormatException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new LogFormatException(line, "field '" + field + "' is " + (v == null ? "missing" : "not a string: " + v));
        }
        return v.textValue();
    }

    private static long integer(JsonNode n, String field, long line) throws LogFormatException {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new LogFormatException(line, "field '" + field + "' is "
                    + (v == null ? "missing" : "not a whole number: " + v));
        }
        return v.longValue();
    }
}
