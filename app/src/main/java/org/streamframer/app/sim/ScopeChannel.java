package org.streamframer.app.sim;

/**
 * One input of the simulated scope: its vertical scale (volts per division) and offset (the
 * volts at the centre of the screen), which turn the signal into the samples {@code WAV:DATA?}
 * returns, as a real scope's ADC counts do:
 * <pre>
 *   sample = (volts - offset) / scale * COUNTS_PER_DIV,   clipped to int16
 *   volts  = sample * YINCrement + YORigin,  YINC = scale / COUNTS_PER_DIV,  YOR = offset
 * </pre>
 * Channel 1 sees a 5-cycle sine of 3.75 V, channel 2 a 10-cycle 0..2.5 V square wave (a logic
 * clock); see {@link Waveform}. Not thread-safe: one client thread owns it.
 */
final class ScopeChannel {

    static final int COUNT = 2;
    static final double COUNTS_PER_DIV = 3200;
    static final double DEFAULT_SCALE = 1.0;
    static final double MIN_SCALE = 1e-3;
    static final double MAX_SCALE = 10;
    static final double MAX_OFFSET = 100;

    /** 1 or 2. */
    final int number;
    double scale = DEFAULT_SCALE;
    double offset;

    ScopeChannel(int number) {
        this.number = number;
    }

    /** *RST: 1 V/div, no offset. */
    void reset() {
        scale = DEFAULT_SCALE;
        offset = 0;
    }
}
