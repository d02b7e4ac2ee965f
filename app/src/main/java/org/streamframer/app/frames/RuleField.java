package org.streamframer.app.frames;

/** A parameter of a framing rule, as the framing panel edits it. */
public enum RuleField {
    MAX_LENGTH("Max frame length"),
    DELIMITER("Delimiter"),
    KEEP_DELIMITER("Keep delimiter"),
    FIXED_LENGTH("Frame length"),
    FIELD_OFFSET("Field offset"),
    FIELD_SIZE("Field size"),
    BYTE_ORDER("Byte order"),
    ADJUSTMENT("Length adjustment"),
    STRIP("Strip bytes"),
    IDLE_GAP("Idle gap (ms)"),
    SCPI_TERMINATOR("Terminator");

    private final String label;

    RuleField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
