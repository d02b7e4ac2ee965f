package org.streamframer.app.plot;

import java.util.Objects;

/**
 * One instrument answer, parsed: a number (with its unit suffix, possibly empty), the SCPI
 * overflow marker, the SCPI not-a-number marker, or text that is not a number at all.
 * Only {@link Value} is plotted; the others are counted and shown.
 */
public sealed interface Reading {

    /** A finite number and the unit suffix that followed it ({@code ""} when none). */
    record Value(double value, String unit) implements Reading {
        public Value {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** {@code 9.9E37} (or {@code -9.9E37}): the SCPI "overflow / infinity" marker. */
    record Overflow(boolean negative, String unit) implements Reading {
        public Overflow {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** {@code 9.91E37}: the SCPI "not a number" marker. */
    record NotANumber(String unit) implements Reading {
        public NotANumber {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** An answer that is not a number; {@code text} is what came back (trimmed). */
    record Garbage(String text) implements Reading {
        public Garbage {
            Objects.requireNonNull(text, "text");
        }
    }
}
