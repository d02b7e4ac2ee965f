package org.streamframer.app.sim;

/**
 * A SCPI error the simulator queues (IEEE 488.2 / SCPI-99 numbers). Thrown by command handlers;
 * the dispatcher puts it on the client's error queue and goes on with the next command.
 */
final class ScpiError extends Exception {
    private static final long serialVersionUID = 1L;

    static final int UNDEFINED_HEADER = -113;
    static final int SUFFIX_OUT_OF_RANGE = -114;
    static final int INVALID_SUFFIX = -131;
    static final int SUFFIX_NOT_ALLOWED = -138;
    static final int PARAMETER_NOT_ALLOWED = -108;
    static final int MISSING_PARAMETER = -109;
    static final int DATA_OUT_OF_RANGE = -222;
    static final int TOO_MUCH_DATA = -223;
    static final int ILLEGAL_PARAMETER_VALUE = -224;
    static final int DATA_STALE = -230;
    static final int QUEUE_OVERFLOW = -350;

    private final int code;

    ScpiError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static ScpiError undefinedHeader() {
        return new ScpiError(UNDEFINED_HEADER, "Undefined header");
    }

    static ScpiError suffixOutOfRange() {
        return new ScpiError(SUFFIX_OUT_OF_RANGE, "Header suffix out of range");
    }

    static ScpiError invalidSuffix() {
        return new ScpiError(INVALID_SUFFIX, "Invalid suffix");
    }

    static ScpiError suffixNotAllowed() {
        return new ScpiError(SUFFIX_NOT_ALLOWED, "Suffix not allowed");
    }

    static ScpiError illegalValue() {
        return new ScpiError(ILLEGAL_PARAMETER_VALUE, "Illegal parameter value");
    }

    static ScpiError parameterNotAllowed() {
        return new ScpiError(PARAMETER_NOT_ALLOWED, "Parameter not allowed");
    }

    static ScpiError missingParameter() {
        return new ScpiError(MISSING_PARAMETER, "Missing parameter");
    }

    static ScpiError outOfRange() {
        return new ScpiError(DATA_OUT_OF_RANGE, "Data out of range");
    }

    int code() {
        return code;
    }
}
