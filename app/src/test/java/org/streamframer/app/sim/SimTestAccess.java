package org.streamframer.app.sim;

/** Lets tests of other packages compute what the simulator sends. */
public final class SimTestAccess {
    private SimTestAccess() {
    }

    /** WAV:DATA? block data (WORD format) of acquisition {@code k}. */
    public static byte[] waveformWords(long seed, int k, int points) {
        return Waveform.encode(Waveform.samples(seed, k, points), Waveform.Format.WORD);
    }
}
