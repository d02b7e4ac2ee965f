package org.streamframer.app.sim;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The simulated scope's waveforms, as signed 16-bit samples ({@link ScopeChannel}: 3200 counts
 * per division). Channel 1: a 5-cycle sine of 3.75 V plus Gaussian noise (sigma 0.125 V), at
 * the default 1 V/div an amplitude of 12000 counts with noise of 400. Channel 2: a 10-cycle
 * square wave between 0 and 2.5 V with noise of 0.02 V. Acquisition {@code k} of seed {@code s}
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

    /** Channel 2's square wave: cycles, high level and noise, in volts. */
    static final int CLOCK_CYCLES = 10;
    static final double CLOCK_HIGH = 2.5;
    static final double CLOCK_NOISE = 0.02;

    /** Channel 1's samples of acquisition {@code acquisition} (0 after *RST) for {@code seed}, at 1 V/div. */
    static short[] samples(long seed, long acquisition, int points) {
        return samples(seed, acquisition, points, new ScopeChannel(1));
    }

    /** The samples of {@code channel} (its scale and offset) for acquisition {@code acquisition}. */
    static short[] samples(long seed, long acquisition, int points, ScopeChannel channel) {
        long mix = channel.number == 1 ? 0 : 0x5DEECE66DL * channel.number;
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + acquisition + mix);
        double phase = 0.1 * acquisition;
        // counts at 1 V/div, then to the channel's scale and offset (exact at 1 V/div, no offset)
        double offsetCounts = channel.offset * ScopeChannel.COUNTS_PER_DIV;
        double perScale = ScopeChannel.DEFAULT_SCALE / channel.scale;
        short[] s = new short[points];
        for (int i = 0; i < points; i++) {
            double v;
            if (channel.number == 1) {
                v = AMPLITUDE * Math.sin(2 * Math.PI * CYCLES * i / points + phase) + NOISE * random.nextGaussian();
            } else {
                double x = CLOCK_CYCLES * (double) i / points + phase / (2 * Math.PI);
                double volts = (x - Math.floor(x) < 0.5 ? CLOCK_HIGH : 0) + CLOCK_NOISE * random.nextGaussian();
                v = volts * ScopeChannel.COUNTS_PER_DIV;
            }
            v = (v - offsetCounts) * perScale;
            s[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
        return s;
    }

    /** Volts per sample unit of {@code format} (WORD counts; BYTE is the high byte, 256 counts). */
    static double yIncrement(ScopeChannel channel, Format format) {
        double perCount = channel.scale / ScopeChannel.COUNTS_PER_DIV;
        return format == Format.BYTE ? perCount * 256 : perCount;
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
