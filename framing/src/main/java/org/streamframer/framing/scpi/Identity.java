package org.streamframer.framing.scpi;

import java.util.Objects;

/**
 * An instrument's answer to {@code *IDN?} (IEEE 488.2: four comma-separated fields),
 * e.g. {@code KEYSIGHT TECHNOLOGIES,34465A,MY57500123,A.02.14-02.40-02.14-00.49-01-01}.
 *
 * @param manufacturer first field
 * @param model        second field
 * @param serial       third field ("0" when the instrument has none)
 * @param firmware     fourth field (may itself contain commas; everything after the third comma)
 */
public record Identity(String manufacturer, String model, String serial, String firmware) {

    public Identity {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(firmware, "firmware");
    }

    /**
     * Parses an {@code *IDN?} response; surrounding whitespace and a trailing terminator are
     * ignored.
     *
     * @throws IllegalArgumentException not four comma-separated fields (the message quotes it)
     */
    public static Identity parse(String idn) {
        Objects.requireNonNull(idn, "idn");
        String s = idn.strip();
        String[] f = s.split(",", 4);
        if (f.length != 4) {
            throw new IllegalArgumentException("*IDN? response has " + f.length
                    + " comma-separated field(s), expected 4 (manufacturer,model,serial,firmware): \"" + s + "\"");
        }
        return new Identity(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip());
    }
}
