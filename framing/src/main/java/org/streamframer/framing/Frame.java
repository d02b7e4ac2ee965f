package org.streamframer.framing;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * A frame: a read-only view into a {@link FrameBuffer}, no copy made. It stays valid until
 * {@link #consume()}, which releases its bytes; after that every access throws
 * {@link IllegalStateException} (a second {@code consume()} is harmless). Copying is explicit:
 * {@link #bytes()}.
 *
 * <pre>{@code
 * try (Frame f = buffer.next(rule)) {   // close() == consume()
 *     handle(f.view());
 * }
 * }</pre>
 *
 * <p>A {@link ByteBuffer} obtained from {@link #view()} must not be used after {@code consume()}:
 * the buffer may reuse its bytes.
 */
public final class Frame implements AutoCloseable {

    private final FrameBuffer buffer;
    private final long id;

    Frame(FrameBuffer buffer, long id) {
        this.buffer = buffer;
        this.id = id;
    }

    /** The frame's number on its buffer (1 for the first frame). */
    public long id() {
        return id;
    }

    /** Length in bytes. */
    public int length() {
        buffer.checkLive(id);
        return buffer.liveEnd() - buffer.liveStart();
    }

    /** The byte at {@code index} (0-based within the frame). */
    public byte get(int index) {
        buffer.checkLive(id);
        int s = buffer.liveStart();
        int len = buffer.liveEnd() - s;
        if (index < 0 || index >= len) {
            throw new IndexOutOfBoundsException("index " + index + " out of bounds for frame length " + len);
        }
        return buffer.array()[s + index];
    }

    /** A read-only view of the frame's bytes (position 0, limit = length). No copy. */
    public ByteBuffer view() {
        buffer.checkLive(id);
        int s = buffer.liveStart();
        return ByteBuffer.wrap(buffer.array(), s, buffer.liveEnd() - s).slice().asReadOnlyBuffer();
    }

    /** A copy of the frame's bytes. */
    public byte[] bytes() {
        buffer.checkLive(id);
        return Arrays.copyOfRange(buffer.array(), buffer.liveStart(), buffer.liveEnd());
    }

    /** Copies the frame's bytes into {@code dst} at {@code offset}. */
    public void copyTo(byte[] dst, int offset) {
        buffer.checkLive(id);
        int s = buffer.liveStart();
        System.arraycopy(buffer.array(), s, dst, offset, buffer.liveEnd() - s);
    }

    /** The frame decoded as text (a copy). */
    public String toString(Charset charset) {
        buffer.checkLive(id);
        int s = buffer.liveStart();
        return new String(buffer.array(), s, buffer.liveEnd() - s, charset);
    }

    /** The rule-defined frame type; {@link ScanResult#TYPE_DATA} for ordinary data frames. */
    public int type() {
        buffer.checkLive(id);
        return buffer.liveType();
    }

    /** Metadata the rule decoded for this frame (e.g. a control frame's fields), or null. */
    public Object meta() {
        buffer.checkLive(id);
        return buffer.liveMeta();
    }

    /** Releases the frame's bytes. Idempotent. */
    public void consume() {
        buffer.release(id);
    }

    /** Whether {@link #consume()} has been called (or the buffer moved on). */
    public boolean isConsumed() {
        return !buffer.isLive(id);
    }

    /** Same as {@link #consume()}, for try-with-resources. */
    @Override
    public void close() {
        consume();
    }

    @Override
    public String toString() {
        return buffer.isLive(id)
                ? "Frame[#" + id + ", " + (buffer.liveEnd() - buffer.liveStart()) + " bytes]"
                : "Frame[#" + id + ", consumed]";
    }
}
