package org.streamframer.app.frames;

import java.util.Objects;

/**
 * A framing choice as the user made it, saved in profiles: the preset and every parameter
 * (those the preset does not take are kept, so switching back restores them). Values are
 * already validated by {@link FramingViewModel}; {@link RuleFactory} turns a spec into a rule.
 *
 * @param delimiter      the custom delimiter as typed (text with escapes, or hex)
 * @param delimiterHex   whether {@code delimiter} is hex
 * @param scpiTerminator "LF", "CRLF" or "CR"
 */
public record RuleSpec(RuleKind kind, int maxLength, String delimiter, boolean delimiterHex,
                       boolean keepDelimiter, int fixedLength, int fieldOffset, int fieldSize,
                       boolean littleEndian, int adjustment, int strip, int idleGapMillis,
                       String scpiTerminator) {

    /** 16 MiB, the reader's buffer limit. */
    public static final int MAX_FRAME = 16 * 1024 * 1024;
    /** 64 KiB: instrument lines are short; binary responses use the SCPI rule's own limit. */
    public static final int DEFAULT_MAX = 64 * 1024;

    public RuleSpec {
        Objects.requireNonNull(kind, "kind");
        delimiter = delimiter == null ? "" : delimiter;
        scpiTerminator = scpiTerminator == null ? "LF" : scpiTerminator;
    }

    /** {@code kind} with default parameters. */
    public static RuleSpec defaults(RuleKind kind) {
        int max = kind == RuleKind.SCPI || kind == RuleKind.FSTRM ? MAX_FRAME : DEFAULT_MAX;
        return new RuleSpec(kind, max, "\\r\\n", false, false, 16, 0, 2, false, 0, 2, 50, "LF");
    }

    /** The same parameters under another preset. */
    public RuleSpec withKind(RuleKind k) {
        return new RuleSpec(k, maxLength, delimiter, delimiterHex, keepDelimiter, fixedLength, fieldOffset,
                fieldSize, littleEndian, adjustment, strip, idleGapMillis, scpiTerminator);
    }

    /** A short description for the status line, e.g. "Length field (2 bytes at 0, big-endian)". */
    public String describe() {
        return switch (kind) {
            case CUSTOM -> "Delimiter " + (delimiterHex ? delimiter.toUpperCase() : delimiter)
                    + (keepDelimiter ? " (kept)" : "");
            case FIXED -> "Fixed " + fixedLength + " bytes";
            case LENGTH_FIELD -> "Length field (" + fieldSize + " byte" + (fieldSize == 1 ? "" : "s") + " at "
                    + fieldOffset + ", " + (littleEndian ? "little" : "big") + "-endian)";
            case IDLE_GAP -> "Idle gap " + idleGapMillis + " ms";
            case SCPI -> "SCPI response, " + scpiTerminator;
            default -> kind.label().replaceAll("\\s{2,}", " ");
        };
    }
}
