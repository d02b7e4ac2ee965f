package org.streamframer.app.sim;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link SimulatedInstrument} is reached and behaves.
 *
 * @param bindAddress the TCP address to listen on ({@code 127.0.0.1} unless told otherwise)
 * @param port        the TCP port; 0 picks a free one ({@link SimulatedInstrument#port()} tells
 *                    which), {@link #NO_TCP} (-1) serves no TCP at all
 * @param serialPath  a serial port to serve as well (e.g. one end of a socat pty pair), or null
 * @param baud        the serial port's speed (8N1, no flow control)
 * @param terminator  what ends every response line; commands may end with LF or CR LF (or CR
 *                    when the terminator is CR)
 * @param seed        seeds the readings' noise and the waveform, so a client can compare
 *                    {@code WAV:DATA?} with {@code Waveform} samples
 */
public record SimConfig(String bindAddress, int port, String serialPath, int baud, Terminator terminator, long seed) {

    /** The usual SCPI raw-socket port. */
    public static final int DEFAULT_PORT = 5025;
    /** {@link #port()} value that serves no TCP. */
    public static final int NO_TCP = -1;

    /** A response line terminator. */
    public enum Terminator {
        LF("\n"), CRLF("\r\n"), CR("\r");

        private final byte[] bytes;

        Terminator(String s) {
            this.bytes = s.getBytes(StandardCharsets.US_ASCII);
        }

        /** A copy of the terminator's bytes. */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** {@code lf}, {@code crlf} or {@code cr}, any case. */
        public static Terminator parse(String s) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "lf":
                    return LF;
                case "crlf":
                    return CRLF;
                case "cr":
                    return CR;
                default:
                    throw new IllegalArgumentException("unknown terminator '" + s + "' (expected lf, crlf or cr)");
            }
        }
    }

    public SimConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(terminator, "terminator");
        if (port < NO_TCP || port > 65535) {
            throw new IllegalArgumentException("port out of range (-1 for no TCP, 0 for any, 1-65535): " + port);
        }
        if (baud < 1) {
            throw new IllegalArgumentException("baud < 1: " + baud);
        }
    }

    /** 127.0.0.1:5025, no serial port, LF, seed 1. */
    public static SimConfig defaults() {
        return new SimConfig("127.0.0.1", DEFAULT_PORT, null, 115200, Terminator.LF, 1);
    }

    /** 127.0.0.1 on a free port (tests, the console's in-process instrument). */
    public static SimConfig ephemeral() {
        return defaults().withPort(0);
    }

    public SimConfig withBindAddress(String address) {
        return new SimConfig(address, port, serialPath, baud, terminator, seed);
    }

    public SimConfig withPort(int p) {
        return new SimConfig(bindAddress, p, serialPath, baud, terminator, seed);
    }

    public SimConfig withSerial(String path, int baudRate) {
        return new SimConfig(bindAddress, port, path, baudRate, terminator, seed);
    }

    public SimConfig withTerminator(Terminator t) {
        return new SimConfig(bindAddress, port, serialPath, baud, t, seed);
    }

    public SimConfig withSeed(long s) {
        return new SimConfig(bindAddress, port, serialPath, baud, terminator, s);
    }
}
