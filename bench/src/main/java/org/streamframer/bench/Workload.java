package org.streamframer.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * The byte streams the benchmarks frame, all held in memory and built from a fixed seed, so
 * every framer in a run sees identical bytes delivered in identical chunks.
 */
public enum Workload {
    /** LF-terminated lines of 16 bytes (15 payload bytes + LF). */
    LF16(Kind.LF, 16),
    /** LF-terminated lines of 64 bytes. */
    LF64(Kind.LF, 64),
    /** LF-terminated lines of 1024 bytes. */
    LF1024(Kind.LF, 1024),
    /** CRLF-terminated lines of 64 bytes; both sides strip the CRLF. */
    CRLF64(Kind.CRLF, 64),
    /** Frames of 64 bytes ending in a two-byte delimiter that is not a line ending ({@code 7E 7E}). */
    DELIM2_64(Kind.DELIM2, 64),
    /** A 4-byte big-endian length field followed by 256 payload bytes; both sides strip the field. */
    LEN4_256(Kind.LENGTH4, 256),
    /** Fixed-length frames of 256 bytes. */
    FIXED256(Kind.FIXED, 256);

    /** How the frames are delimited. */
    public enum Kind { LF, CRLF, DELIM2, LENGTH4, FIXED }

    /** Size of the whole stream that one benchmark operation frames. */
    public static final int STREAM_BYTES = 1 << 20;
    /** The two-byte delimiter of {@link #DELIM2_64}. */
    public static final byte[] DELIM2 = {0x7E, 0x7E};

    public final Kind kind;
    /** Bytes per frame on the wire, delimiter or header included. */
    public final int wireLength;

    Workload(Kind kind, int wireLength) {
        this.kind = kind;
        this.wireLength = wireLength;
    }

    /** Frames in one stream. */
    public int frames() {
        return STREAM_BYTES / wireLength;
    }

    /** Payload bytes per frame, after the rule strips delimiters or headers. */
    public int payloadLength() {
        switch (kind) {
            case LF: return wireLength - 1;
            case CRLF: case DELIM2: return wireLength - 2;
            case LENGTH4: return wireLength - 4;
            default: return wireLength;
        }
    }

    /** Builds the stream: {@link #frames()} frames of printable ASCII payload. */
    public byte[] build() {
        int n = frames();
        ByteBuffer out = ByteBuffer.allocate(n * wireLength).order(ByteOrder.BIG_ENDIAN);
        SplittableRandom random = new SplittableRandom(42);
        byte[] payload = new byte[payloadLength()];
        for (int f = 0; f < n; f++) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) (0x21 + random.nextInt(0x7E - 0x21)); // '!'..'}': no LF, CR or 7E
            }
            switch (kind) {
                case LF: out.put(payload).put((byte) '\n'); break;
                case CRLF: out.put(payload).put((byte) '\r').put((byte) '\n'); break;
                case DELIM2: out.put(payload).put(DELIM2); break;
                case LENGTH4: out.putInt(payload.length).put(payload); break;
                default: out.put(payload);
            }
        }
        return out.array();
    }
}
