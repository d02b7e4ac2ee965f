package org.streamframer.app.sim;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The simulated scope's waveform: a 5-cycle sine of amplitude 12000 counts plus Gaussian
 * noise (sigma 400 counts), as signed 16-bit samples. Acquisition {@code k} of seed {@code s}
 * is always the same samples, so a client can compare what it read; its phase moves 0.1 rad
 * per acquisition, so successive {@code WAV:DATA?} answers differ like a live trace.
 *
 * <p>{@code WAV:FORM} chooses the encoding of {@code WAV:DATA?}:
 * <pre>
 *   WORD  (default)  definite block, 2 bytes per sample, int16 little-endian:  #42000 lo hi lo hi ...
 *   BYTE             definite block, 1 byte per sample, int8 (the sample's high byte)
 *   ASCii            comma-separated decimal samples, no block: -12,3456,...
 * </pre>
 */
final class Waveform {

    enum Format {
        WORD, BYTE, ASCII;

        static Format parse(String keyword) throws ScpiError {
            switch (keyword.toUpperCase(Locale.ROOT)) {
                case "WORD":
                    return WORD;
                case "BYTE":
                    return BYTE;
                case "ASC":
                case "ASCII":
                    return ASCII;
                default:
                    throw ScpiError.illegalValue();
            }
        }

        String scpiName() {
            return this == ASCII ? "ASC" : name();
        }
    }

    static final int DEFAULT_POINTS = 1000;
    static final int MIN_POINTS = 10;
    static final int MAX_POINTS = 1_000_000;
    static final int AMPLITUDE = 12000;
    static final double NOISE = 400;
    static final int CYCLES = 5;

    private Waveform() {
    }

    /** The samples of acquisition {@code acquisition} (0 after *RST) for {@code seed}. */
    static short[] samples(long seed, long acquisition, int points) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + acquisition);
        double phase = 0.1 * acquisition;
        short[] s = new short[points];
        for (int i = 0; i < points; i++) {
            double v = AMPLITUDE * Math.sin(2 * Math.PI * CYCLES * i / points + phase)
                    + NOISE * random.nextGaussian();
            s[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
        return s;
    }

    /** The block data (WORD, BYTE) or the text (ASCII) of the samples. */
    static byte[] encode(short[] samples, Format format) {
        switch (format) {
            case WORD: {
                byte[] b = new byte[samples.length * 2];
                for (int i = 0; i < samples.length; i++) {
                    b[2 * i] = (byte) samples[i];
                    b[2 * i + 1] = (byte) (samples[i] >> 8);
                }
                return b;
            }
            case BYTE: {
                byte[] b = new byte[samples.length];
                for (int i = 0; i < samples.length; i++) {
                    b[i] = (byte) (samples[i] >> 8);
                }
                return b;
            }
            default: {
                StringBuilder sb = new StringBuilder(samples.length * 6);
                for (int i = 0; i < samples.length; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append(samples[i]);
                }
                return sb.toString().getBytes(StandardCharsets.US_ASCII);
            }
        }
    }
}
