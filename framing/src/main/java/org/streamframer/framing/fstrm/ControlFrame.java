package org.streamframer.framing.fstrm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.streamframer.framing.CorruptFrameException;

/**
 * A decoded Frame Streams control frame: its type and its content types.
 *
 * <pre>
 *  +------------+------------+------------+------------+------------+-------------+---
 *  | 00 00 00 00|    CLEN    |    TYPE    | FIELD TYPE | FIELD LEN  | FIELD BYTES | ...
 *  +------------+------------+------------+------------+------------+-------------+---
 *     escape      4 .. 512     1 .. 5      1 = content   0 .. 256
 *                 |&lt;------------------------- CLEN bytes ---------------------------&gt;|
 * </pre>
 *
 * All integers are big-endian unsigned 32-bit. Content types are byte strings on the wire;
 * here each byte is one {@code char} (ISO-8859-1), so any content type read can be written
 * back byte for byte ({@code "protobuf:dnstap.Dnstap"} is plain ASCII).
 *
 * <p>The constructor enforces the limits: a content type is at most
 * {@value #MAX_CONTENT_TYPE_LENGTH} bytes, START carries at most one, STOP and FINISH none,
 * and the whole control frame ({@code CLEN}) is at most {@value #MAX_LENGTH} bytes.
 *
 * @param type         the control type
 * @param contentTypes its content types, in wire order (an immutable copy)
 */
public record ControlFrame(ControlType type, List<String> contentTypes) {

    /** The smallest control frame length (CLEN): the type alone. */
    public static final int MIN_LENGTH = 4;
    /** The largest control frame length (CLEN). */
    public static final int MAX_LENGTH = 512;
    /** The longest content type, in bytes. */
    public static final int MAX_CONTENT_TYPE_LENGTH = 256;
    /** The one field type defined: CONTENT_TYPE. */
    public static final int FIELD_CONTENT_TYPE = 1;

    /**
     * @throws IllegalArgumentException a content type too long or not one byte per char, too
     *                                  many content types for the type, or CLEN over 512
     */
    public ControlFrame {
        Objects.requireNonNull(type, "type");
        contentTypes = List.copyOf(contentTypes);
        String problem = countProblem(type, contentTypes.size());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        long length = MIN_LENGTH;
        for (String ct : contentTypes) {
            if (ct.length() > MAX_CONTENT_TYPE_LENGTH) {
                throw new IllegalArgumentException("content type of " + ct.length()
                        + " bytes exceeds the maximum of " + MAX_CONTENT_TYPE_LENGTH);
            }
            for (int i = 0; i < ct.length(); i++) {
                if (ct.charAt(i) > 0xFF) {
                    throw new IllegalArgumentException("content type \"" + ct + "\" has char U+"
                            + String.format("%04X", (int) ct.charAt(i)) + " at " + i
                            + ": content types are byte strings (one char per byte, ISO-8859-1)");
                }
            }
            length += 8 + ct.length();
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(type + " control frame with " + contentTypes.size()
                    + " content types would be " + length + " bytes long; the maximum is " + MAX_LENGTH);
        }
    }

    /** READY offering these content types (none: any). */
    public static ControlFrame ready(Collection<String> contentTypes) {
        return new ControlFrame(ControlType.READY, List.copyOf(contentTypes));
    }

    /** ACCEPT naming these content types. */
    public static ControlFrame accept(Collection<String> contentTypes) {
        return new ControlFrame(ControlType.ACCEPT, List.copyOf(contentTypes));
    }

    /** START with this content type, or none when {@code contentType} is null. */
    public static ControlFrame start(String contentType) {
        return new ControlFrame(ControlType.START, contentType == null ? List.of() : List.of(contentType));
    }

    /** STOP. */
    public static ControlFrame stop() {
        return new ControlFrame(ControlType.STOP, List.of());
    }

    /** FINISH. */
    public static ControlFrame finish() {
        return new ControlFrame(ControlType.FINISH, List.of());
    }

    /** The first content type, or null when there is none. */
    public String contentType() {
        return contentTypes.isEmpty() ? null : contentTypes.get(0);
    }

    /** The control frame length CLEN: the bytes after the CLEN field. */
    public int length() {
        int n = MIN_LENGTH;
        for (String ct : contentTypes) {
            n += 8 + ct.length();
        }
        return n;
    }

    /** Bytes on the wire: escape, CLEN and {@link #length()} bytes. */
    public int encodedLength() {
        return 8 + length();
    }

    /** Why {@code count} content types are not allowed in {@code type}, or null if they are. */
    static String countProblem(ControlType type, int count) {
        switch (type) {
            case START:
                return count > 1 ? "START carries " + count + " content types; at most 1 is allowed" : null;
            case STOP:
            case FINISH:
                return count > 0 ? type + " carries " + count + " content type fields; none are allowed" : null;
            default:
                return null;
        }
    }

    /**
     * Decodes the {@code clen} bytes after the CLEN field ({@code MIN_LENGTH <= clen <= MAX_LENGTH},
     * checked by the caller).
     */
    static ControlFrame decode(byte[] a, int off, int clen) throws CorruptFrameException {
        long code = FstrmRule.u32(a, off);
        ControlType type = ControlType.of(code);
        if (type == null) {
            throw new CorruptFrameException("unknown control type " + code
                    + " (known: ACCEPT=1, START=2, STOP=3, READY=4, FINISH=5)");
        }
        int end = off + clen;
        int p = off + 4;
        List<String> types = p == end ? List.of() : new ArrayList<>(2);
        while (p < end) {
            if (end - p < 8) {
                throw new CorruptFrameException(type + " control frame has " + (end - p)
                        + " bytes after its last field; a field header needs 8");
            }
            long fieldType = FstrmRule.u32(a, p);
            long fieldLength = FstrmRule.u32(a, p + 4);
            p += 8;
            if (fieldType != FIELD_CONTENT_TYPE) {
                throw new CorruptFrameException("unknown field type " + fieldType + " in " + type
                        + " control frame (known: CONTENT_TYPE=1)");
            }
            if (fieldLength > end - p) {
                throw new CorruptFrameException("content type field of " + fieldLength
                        + " bytes overruns the " + type + " control frame (" + (end - p) + " bytes left)");
            }
            if (fieldLength > MAX_CONTENT_TYPE_LENGTH) {
                throw new CorruptFrameException("content type of " + fieldLength
                        + " bytes exceeds the maximum of " + MAX_CONTENT_TYPE_LENGTH);
            }
            types.add(new String(a, p, (int) fieldLength, StandardCharsets.ISO_8859_1));
            p += (int) fieldLength;
        }
        String problem = countProblem(type, types.size());
        if (problem != null) {
            throw new CorruptFrameException(problem);
        }
        return new ControlFrame(type, types);
    }

    @Override
    public String toString() {
        return contentTypes.isEmpty() ? type.toString() : type + contentTypes.toString();
    }
}
