package org.streamframer.app.frames;

import java.util.EnumSet;
import java.util.Set;

/** The framing presets the console offers, and which parameters each one takes. */
public enum RuleKind {
    LF("Line feed  \\n", EnumSet.of(RuleField.MAX_LENGTH)),
    CRLF("CR LF  \\r\\n", EnumSet.of(RuleField.MAX_LENGTH)),
    CR("Carriage return  \\r", EnumSet.of(RuleField.MAX_LENGTH)),
    EOT("End of transmission  0x04", EnumSet.of(RuleField.MAX_LENGTH)),
    SCPI("SCPI response (IEEE 488.2 blocks)", EnumSet.of(RuleField.SCPI_TERMINATOR, RuleField.MAX_LENGTH)),
    LENGTH_FIELD("Length field", EnumSet.of(RuleField.FIELD_OFFSET, RuleField.FIELD_SIZE, RuleField.BYTE_ORDER,
            RuleField.ADJUSTMENT, RuleField.STRIP, RuleField.MAX_LENGTH)),
    FSTRM("Frame Streams", EnumSet.of(RuleField.MAX_LENGTH)),
    SLIP("SLIP (RFC 1055)", EnumSet.of(RuleField.MAX_LENGTH)),
    COBS("COBS, 0x00-delimited", EnumSet.of(RuleField.MAX_LENGTH)),
    FIXED("Fixed length", EnumSet.of(RuleField.FIXED_LENGTH)),
    IDLE_GAP("Idle gap", EnumSet.of(RuleField.IDLE_GAP, RuleField.MAX_LENGTH)),
    CUSTOM("Custom delimiter", EnumSet.of(RuleField.DELIMITER, RuleField.KEEP_DELIMITER, RuleField.MAX_LENGTH));

    private final String label;
    private final Set<RuleField> fields;

    RuleKind(String label, Set<RuleField> fields) {
        this.label = label;
        this.fields = fields;
    }

    /** What the picker shows. */
    public String label() {
        return label;
    }

    /** Whether this rule takes {@code f}. */
    public boolean uses(RuleField f) {
        return fields.contains(f);
    }

    @Override
    public String toString() {
        return label;
    }
}
