package org.streamframer.framing.fstrm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FramingException;
import org.streamframer.framing.PartialFrameException;

/**
 * Pulls Frame Streams frames from an {@link InputStream} through a {@link FrameBuffer} and an
 * {@link FstrmRule}: the reading loop the receiver, the sender and the file reader share.
 * One frame is live at a time, from {@link #next()} to the next call. No allocation per data
 * frame: the payload view is one reused read-only {@link ByteBuffer}.
 */
final class FstrmInput {
    private final InputStream in;
    private final FstrmRule rule;
    private final FrameBuffer buffer;
    /** A read-only view of {@code viewArray}, repositioned for each frame. */
    private ByteBuffer view;
    private byte[] viewArray;

    FstrmInput(InputStream in, FstrmRule rule) {
        this.in = Objects.requireNonNull(in, "in");
        this.rule = Objects.requireNonNull(rule, "rule");
        // room for the longest frame with its header; a read never needs more
        int max = rule.maxFrameLength() + 16;
        this.buffer = new FrameBuffer(Math.min(16 * 1024, max), max);
    }

    /**
     * Moves to the next frame, reading as needed (blocking as the stream does).
     *
     * @return true when a frame is live; false at the end of the stream with nothing buffered
     * @throws PartialFrameException the stream ended inside a frame (its bytes are dropped)
     * @throws FramingException      a bad or over-long frame, already skipped: call again to go on
     */
    boolean next() throws IOException {
        if (buffer.hasLiveFrame()) {
            buffer.consumeFrame();
        }
        while (!buffer.advance(rule)) {
            if (buffer.readFrom(in) < 0) {
                byte[] rest = buffer.takeRemainder();
                if (rest != null) {
                    throw new PartialFrameException(rest);
                }
                return false;
            }
        }
        return true;
    }

    /**
     * In the data phase: moves to the next frame.
     *
     * @param dataFrames data frames delivered so far, for messages
     * @return true for a data frame, false for STOP
     * @throws FstrmProtocolException another control frame, or the end of the stream before STOP
     */
    boolean nextData(long dataFrames) throws IOException {
        if (!next()) {
            throw new FstrmProtocolException("the stream ended after " + dataFrames + " data frames without STOP");
        }
        if (!isControl()) {
            return true;
        }
        ControlFrame c = control();
        if (c.type() != ControlType.STOP) {
            throw new FstrmProtocolException("unexpected " + c + " after " + dataFrames
                    + " data frames; expected data or STOP");
        }
        return false;
    }

    boolean isControl() {
        return buffer.frameType() == FstrmRule.TYPE_CONTROL;
    }

    /** The live control frame, as {@link FstrmRule} decoded it when it framed it (its meta). */
    ControlFrame control() {
        return (ControlFrame) buffer.frameMeta();
    }

    /** The live frame's bytes: a read-only view, valid until {@link #next()}. */
    ByteBuffer payload() {
        byte[] a = buffer.array();
        if (a != viewArray) {
            viewArray = a;
            view = ByteBuffer.wrap(a).asReadOnlyBuffer();
        }
        view.limit(buffer.frameEnd()).position(buffer.frameStart());
        return view;
    }

    int payloadLength() {
        return buffer.frameEnd() - buffer.frameStart();
    }

    /**
     * Reads the next frame, which must be a control frame of {@code type}, within the timer's
     * deadline.
     *
     * @param timer   the deadline, or null to wait for ever
     * @param context what the wait is for, for messages ("from the sender")
     */
    ControlFrame expect(ControlType type, HandshakeTimer timer, String context) throws IOException {
        boolean got;
        try {
            got = next();
        } catch (IOException e) {
            if (timer != null && timer.fired()) {
                throw timer.timeout(type + " " + context, e);
            }
            throw e;
        }
        if (timer != null && timer.fired()) {
            throw timer.timeout(type + " " + context, null);
        }
        if (!got) {
            throw new FstrmProtocolException("the stream ended while waiting for " + type + " " + context);
        }
        if (!isControl()) {
            throw new FstrmProtocolException("expected " + type + " " + context + ", got a data frame of "
                    + payloadLength() + " bytes");
        }
        ControlFrame c = control();
        if (c.type() != type) {
            throw new FstrmProtocolException("expected " + type + " " + context + ", got " + c);
        }
        return c;
    }
}
