package org.streamframer.app.plot;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an instrument's answer to a numeric query.
 *
 * <p>Accepted (surrounding white space and a trailing {@code \r\n} ignored):
 * <ul>
 *   <li>SCPI decimal numbers (NR1/NR2/NR3): {@code 42}, {@code -0.5}, {@code +1.23456E-03}, {@code .5e+2};</li>
 *   <li>an optional unit suffix, separated by spaces or not: {@code -0.5 V}, {@code 12.5mA}, {@code 3 %};</li>
 *   <li>SCPI non-decimal numbers: {@code #HFF}, {@code #Q17}, {@code #B1010};</li>
 *   <li>{@code 9.9E37} as {@link Reading.Overflow} (negative for {@code -9.9E37}),
 *       {@code 9.91E37} as {@link Reading.NotANumber}; {@code INF}/{@code NINF}/{@code NAN} likewise.</li>
 * </ul>
 * Anything else, including several comma-separated values, is {@link Reading.Garbage}.
 * Stateless and thread-safe.
 */
public final class ScpiNumberParser {

    /** SCPI-99 7.2.1.5: "9.9E37" represents positive infinity / overflow. */
    static final double SCPI_OVERFLOW = 9.9e37;
    /** SCPI-99 7.2.1.5: "9.91E37" represents not-a-number. */
    static final double SCPI_NAN = 9.91e37;

    private static final Pattern DECIMAL = Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-z%\\u00B0\\u00B5\\u03A9/]*)");
    private static final Pattern NON_DECIMAL = Pattern.compile("#([HhQqBb])([0-9A-Fa-f]+)");

    private ScpiNumberParser() {
    }

    /** Parses one answer; never throws, never returns null. */
    public static Reading parse(String answer) {
        if (answer == null) {
            return new Reading.Garbage("");
        }
        String s = answer.strip();
        if (s.isEmpty()) {
            return new Reading.Garbage("");
        }
        Matcher d = DECIMAL.matcher(s);
        if (d.matches() && !danglingExponent(s, d)) {
            return classify(Double.parseDouble(d.group(1)), d.group(2), s);
        }
        Matcher n = NON_DECIMAL.matcher(s);
        if (n.matches()) {
            return nonDecimal(n.group(1), n.group(2), s);
        }
        switch (s.toUpperCase(Locale.ROOT)) {
            case "INF", "+INF", "INFINITY":
                return new Reading.Overflow(false, "");
            case "NINF", "-INF", "-INFINITY":
                return new Reading.Overflow(true, "");
            case "NAN":
                return new Reading.NotANumber("");
            default:
                return new Reading.Garbage(s);
        }
    }

    /** "1e" or "2E+": an exponent without digits, not a unit called "e". */
    private static boolean danglingExponent(String s, Matcher d) {
        String unit = d.group(2);
        return !unit.isEmpty() && d.end(1) == d.start(2) && (unit.charAt(0) == 'e' || unit.charAt(0) == 'E');
    }

    private static Reading classify(double v, String unit, String original) {
        double mag = Math.abs(v);
        if (mag == SCPI_NAN) {
            return new Reading.NotANumber(unit);
        }
        if (mag >= SCPI_OVERFLOW || Double.isInfinite(v)) {
            // a double overflow ("1E999") is an overflow too, not a plottable value
            return new Reading.Overflow(v < 0, unit);
        }
        if (Double.isNaN(v)) {
            return new Reading.Garbage(original);
        }
        return new Reading.Value(v, unit);
    }

    private static Reading nonDecimal(String radixLetter, String digits, String original) {
        int radix = switch (Character.toUpperCase(radixLetter.charAt(0))) {
            case 'H' -> 16;
            case 'Q' -> 8;
            default -> 2;
        };
        try {
            return new Reading.Value(Long.parseLong(digits, radix), "");
        } catch (NumberFormatException e) {
            return new Reading.Garbage(original); // digit not valid for the radix, or too long
        }
    }
}
