package org.streamframer.framing.fstrm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.streamframer.framing.BufferFullException;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FramingException;

/** Builds Frame Streams byte streams for tests, valid and broken, and runs a rule over them. */
final class FstrmStreams {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static FstrmStreams stream() {
        return new FstrmStreams();
    }

    FstrmStreams data(String text) {
        return data(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    FstrmStreams data(byte[] payload) {
        out.writeBytes(FstrmEncoder.encodeData(payload));
        return this;
    }

    FstrmStreams control(ControlFrame c) {
        out.writeBytes(FstrmEncoder.encodeControl(c));
        return this;
    }

    /** Raw big-endian 32-bit integers. */
    FstrmStreams u32(long... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);
        for (long v : values) {
            b.putInt((int) v);
        }
        out.writeBytes(b.array());
        return this;
    }

    FstrmStreams raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    FstrmStreams zeros(int n) {
        return raw(new byte[n]);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** What a rule gave for the whole input: "data:TEXT", "control:TYPE[...]" or "error:Class:message". */
    static List<String> outcomes(FstrmRule rule, byte[] input) throws BufferFullException {
        FrameBuffer buffer = new FrameBuffer(64, 1 << 24);
        buffer.append(input);
        List<String> got = new ArrayList<>();
        while (true) {
            try {
                Frame f = buffer.next(rule);
                if (f == null) {
                    return got;
                }
                got.add(f.type() == FstrmRule.TYPE_CONTROL
                        ? "control:" + f.meta()
                        : "data:" + f.toString(StandardCharsets.ISO_8859_1));
                f.consume();
            } catch (FramingException e) {
                got.add("error:" + e.getClass().getSimpleName() + ":" + e.getMessage());
            }
        }
    }
}
