package org.streamframer.app.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of SCPI numeric and keyword parameters into values, or the errors a real instrument
 * queues: -109 (missing), -108 (too many), -224 (not a number), -222 (out of range),
 * -131 (a unit that does not belong), -138 (a unit where none is taken).
 *
 * <p>A numeric parameter may carry a unit, with or without a space and with an IEEE 488.2
 * multiplier (7.7.3.5; case-insensitive, so {@code M} is milli and {@code MA} mega):
 * <pre>
 *   10   10V   10 V   500 mV   0.5E+0 V   2 kV   100 uA (for amps)   1 MAV (mega volts)
 *   multipliers  EX 1e18  PE 1e15  T 1e12  G 1e9  MA 1e6  K 1e3  M 1e-3  U 1e-6  N 1e-9  P 1e-12  F 1e-15  A 1e-18
 * </pre>
 * and, where a setting has limits, {@code MINimum}, {@code MAXimum} or {@code DEFault}.
 */
final class ScpiNumbers {

    private static final Pattern NUMBER =
            Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-z]*)");
    private static final Map<String, Double> MULTIPLIERS = Map.ofEntries(
            Map.entry("EX", 1e18), Map.entry("PE", 1e15), Map.entry("T", 1e12), Map.entry("G", 1e9),
            Map.entry("MA", 1e6), Map.entry("K", 1e3), Map.entry("M", 1e-3), Map.entry("U", 1e-6),
            Map.entry("N", 1e-9), Map.entry("P", 1e-12), Map.entry("F", 1e-15), Map.entry("A", 1e-18));

    private ScpiNumbers() {
    }

    /** A decimal numeric program data element without a unit ({@code 10}, {@code 1.5E-3}, {@code +.5}). */
    static double parse(String p) throws ScpiError {
        return parse(p, null);
    }

    /**
     * A decimal numeric program data element, with an optional suffix of {@code unit} ({@code V},
     * {@code A}); {@code unit} null: no suffix is allowed.
     */
    static double parse(String p, String unit) throws ScpiError {
        if (p.isEmpty()) {
            throw ScpiError.missingParameter();
        }
        Matcher m = NUMBER.matcher(p);
        if (!m.matches()) {
            throw ScpiError.illegalValue();
        }
        double v = Double.parseDouble(m.group(1));
        String suffix = m.group(2).toUpperCase(Locale.ROOT);
        if (suffix.isEmpty()) {
            return v;
        }
        if (unit == null) {
            throw ScpiError.suffixNotAllowed();
        }
        if (!suffix.endsWith(unit)) {
            throw ScpiError.invalidSuffix();
        }
        String prefix = suffix.substring(0, suffix.length() - unit.length());
        if (prefix.isEmpty()) {
            return v;
        }
        Double multiplier = MULTIPLIERS.get(prefix);
        if (multiplier == null) {
            throw ScpiError.invalidSuffix();
        }
        return v * multiplier;
    }

    /**
     * A setting's value: {@code MIN}, {@code MAX}, {@code DEF} (short or long form) or a number
     * (with an optional suffix of {@code unit}) within [min, max] (-222 outside).
     */
    static double setting(String p, String unit, double min, double max, double def) throws ScpiError {
        switch (p.toUpperCase(Locale.ROOT)) {
            case "MIN":
            case "MINIMUM":
                return min;
            case "MAX":
            case "MAXIMUM":
                return max;
            case "DEF":
            case "DEFAULT":
                return def;
            default:
                double v = parse(p, unit);
                if (!(v >= min && v <= max)) {
                    throw ScpiError.outOfRange();
                }
                return v;
        }
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

    /** The single parameter of a setting command (-109 when none or empty, -108 when more). */
    static String single(List<String> params) throws ScpiError {
        if (params.isEmpty() || params.get(0).isEmpty()) {
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
