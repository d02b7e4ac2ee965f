package org.streamframer.app.sim;

import java.util.List;
import java.util.Locale;

/** Parsing of SCPI numeric and boolean parameters into values, or -224 / -108 / -109 errors. */
final class ScpiNumbers {

    private ScpiNumbers() {
    }

    /** A decimal numeric program data element ({@code 10}, {@code 1.5E-3}, {@code +.5}). */
    static double parse(String p) throws ScpiError {
        if (p.isEmpty() || !p.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw ScpiError.illegalValue();
        }
        return Double.parseDouble(p);
    }

    /** A whole number within [min, max]; -224 when not a number, -222 when outside. */
    static int parseInt(String p, int min, int max) throws ScpiError {
        double v = parse(p);
        if (v != Math.rint(v)) {
            throw ScpiError.illegalValue();
        }
        if (v < min || v > max) {
            throw ScpiError.outOfRange();
        }
        return (int) v;
    }

    /** The single parameter of a setting command. */
    static String single(List<String> params) throws ScpiError {
        if (params.isEmpty()) {
            throw ScpiError.missingParameter();
        }
        if (params.size() > 1) {
            throw ScpiError.parameterNotAllowed();
        }
        return params.get(0);
    }

    /** Nothing may follow a header that takes no parameters. */
    static void none(List<String> params) throws ScpiError {
        if (!params.isEmpty()) {
            throw ScpiError.parameterNotAllowed();
        }
    }

    /** An upper-cased keyword parameter. */
    static String keyword(List<String> params) throws ScpiError {
        return single(params).toUpperCase(Locale.ROOT);
    }
}
