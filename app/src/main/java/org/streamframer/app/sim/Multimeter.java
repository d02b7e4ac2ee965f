package org.streamframer.app.sim;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * The simulated DMM: a configured function (DC volts or DC amps) and range, and a plausible
 * reading that drifts slowly (a 20 s sine of 0.2 %) with Gaussian noise, formatted as real
 * meters answer: {@code +1.23456789E+00}. A reading over 120 % of a fixed range is an
 * overload, {@code +9.90000000E+37}.
 */
final class Multimeter {

    enum Function {
        VOLTAGE_DC("VOLT", "V", 1.234567, 50e-6, new double[] {0.1, 1, 10, 100, 1000}),
        CURRENT_DC("CURR", "A", 1.0e-3, 2e-8, new double[] {1e-4, 1e-3, 1e-2, 1e-1, 1, 3});

        final String scpiName;
        /** The unit a range or resolution may carry: {@code CONF:VOLT:DC 100 mV}. */
        final String unit;
        final double nominal;
        final double noise;
        final double[] ranges;

        Function(String scpiName, String unit, double nominal, double noise, double[] ranges) {
            this.scpiName = scpiName;
            this.unit = unit;
            this.nominal = nominal;
            this.noise = noise;
            this.ranges = ranges;
        }
    }

    static final double OVERLOAD = 9.9e37;
    private static final double AUTO = 0;
    private static final long DRIFT_PERIOD_NANOS = 20_000_000_000L;

    private final SplittableRandom random;
    private final LongSupplier clock;
    private final long t0;
    private Function function = Function.VOLTAGE_DC;
    /** The fixed range, or {@link #AUTO}. */
    private double range = AUTO;
    private double resolution = 3e-6;
    /** The latest reading, NaN before the first (and after *RST or a new configuration). */
    private double last = Double.NaN;

    Multimeter(long seed, LongSupplier clock) {
        this.random = new SplittableRandom(seed);
        this.clock = clock;
        this.t0 = clock.getAsLong();
    }

    /** *RST: DC volts, auto range. */
    void reset() {
        function = Function.VOLTAGE_DC;
        range = AUTO;
        resolution = 3e-6;
        last = Double.NaN;
    }

    /**
     * CONFigure:&lt;function&gt; [{range|AUTO|MIN|MAX|DEF}[,{resolution|MIN|MAX|DEF}]]; a range or
     * resolution may carry the function's unit with a multiplier ({@code 100 mV}, {@code 10uA}).
     *
     * @throws ScpiError -224 for a parameter that is not a number or a known keyword,
     *                   -222 for a range above the largest, -108 for more than two parameters,
     *                   -109 for an empty one ({@code 10,}), -131 for a wrong unit ({@code 10 A} for volts)
     */
    void configure(Function f, List<String> params) throws ScpiError {
        if (params.size() > 2) {
            throw ScpiError.parameterNotAllowed();
        }
        double newRange = params.isEmpty() ? AUTO : parseRange(f, params.get(0));
        double newResolution = params.size() < 2 ? 3e-6 : parseResolution(f, params.get(1));
        function = f;
        range = newRange;
        resolution = newResolution;
        last = Double.NaN;
    }

    private static double parseRange(Function f, String p) throws ScpiError {
        String k = p.toUpperCase(Locale.ROOT);
        switch (k) {
            case "AUTO":
            case "DEF":
            case "DEFAULT":
                return AUTO;
            case "MIN":
            case "MINIMUM":
                return f.ranges[0];
            case "MAX":
            case "MAXIMUM":
                return f.ranges[f.ranges.length - 1];
            default:
                double v = ScpiNumbers.parse(p, f.unit);
                if (v <= 0) {
                    throw ScpiError.outOfRange();
                }
                for (double r : f.ranges) {
                    if (v <= r * 1.0000001) {
                        return r;
                    }
                }
                throw ScpiError.outOfRange();
        }
    }

    private static double parseResolution(Function f, String p) throws ScpiError {
        switch (p.toUpperCase(Locale.ROOT)) {
            case "MIN":
            case "MINIMUM":
                return 3e-7;
            case "MAX":
            case "MAXIMUM":
                return 3e-5;
            case "DEF":
            case "DEFAULT":
                return 3e-6;
            default:
                double v = ScpiNumbers.parse(p, f.unit);
                if (v <= 0) {
                    throw ScpiError.outOfRange();
                }
                return v;
        }
    }

    Function function() {
        return function;
    }

    /** CONFigure?: e.g. {@code "VOLT +1.00000000E+01,+3.00000000E-06"} (range 0 = auto). */
    String configuration() {
        return "\"" + function.scpiName + " " + format(range) + "," + format(resolution) + "\"";
    }

    /** One reading in the configured function, as a number. */
    double read() {
        double t = (clock.getAsLong() - t0) / (double) DRIFT_PERIOD_NANOS;
        double v = function.nominal * (1 + 0.002 * Math.sin(2 * Math.PI * t))
                + function.noise * random.nextGaussian();
        if (range != AUTO && Math.abs(v) > range * 1.2) {
            v = OVERLOAD;
        }
        last = v;
        return v;
    }

    /** FETCh?: the latest reading again; -230 when there is none since the last configuration. */
    String lastFormatted() throws ScpiError {
        if (Double.isNaN(last)) {
            throw new ScpiError(ScpiError.DATA_STALE, "Data stale");
        }
        return format(last);
    }

    /** One reading, formatted. */
    String readFormatted() {
        return format(read());
    }

    /** {@code +1.23456789E+00}: sign, 9 significant digits, two-digit exponent. */
    static String format(double v) {
        return String.format(Locale.ROOT, "%+.8E", v);
    }
}
