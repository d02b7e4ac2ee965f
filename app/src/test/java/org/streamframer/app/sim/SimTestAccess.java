package org.streamframer.app.sim;

/** Lets tests of other packages compute what the simulator sends. */
public final class SimTestAccess {
    private SimTestAccess() {
    }

    /** A socat pty pair for tests of other packages; {@link #a()} and {@link #b()} are the two ends. */
    public static final class PtyPair implements AutoCloseable {
        private final SocatPtyPair pair;

        private PtyPair(SocatPtyPair pair) {
            this.pair = pair;
        }

        public String a() {
            return pair.a.toString();
        }

        public String b() {
            return pair.b.toString();
        }

        @Override
        public void close() throws InterruptedException {
            pair.close();
        }
    }

    public static PtyPair ptyPair() throws java.io.IOException, InterruptedException {
        return new PtyPair(new SocatPtyPair());
    }

    /** WAV:DATA? block data (WORD format) of acquisition {@code k}. */
    public static byte[] waveformWords(long seed, int k, int points) {
        return Waveform.encode(Waveform.samples(seed, k, points), Waveform.Format.WORD);
    }
}
