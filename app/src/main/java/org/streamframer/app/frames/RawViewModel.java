package org.streamframer.app.frames;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.streamframer.app.connection.ActiveConnection;
import org.streamframer.app.connection.RawCapture;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.framing.BufferFullException;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.FramingException;

/**
 * The raw view: the last received bytes exactly as they arrived, in hex, cut where the current
 * rule cuts them. The captured bytes are framed again here with the same rule on a private
 * buffer, so every line is one frame; bytes the rule consumed but did not deliver (a delimiter,
 * a length header) are in [brackets], and bytes the rule rejected are marked with the reason.
 * Time-based rules (idle gap) cannot be replayed and show the bytes unframed.
 */
public final class RawViewModel {

    /** How much of the capture is shown. */
    public static final int SHOWN_BYTES = 8 * 1024;

    private final Dispatcher dispatcher;
    private final Supplier<ActiveConnection> connection;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public RawViewModel(Dispatcher dispatcher, Supplier<ActiveConnection> connection) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** The annotated hex. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** "8,192 of 1,234,567 bytes received, 300 frames". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Takes a new snapshot and frames it, in the background. */
    public void refresh() {
        ActiveConnection c = connection.get();
        if (c == null) {
            text.set("");
            summary.set("Not connected.");
            return;
        }
        FrameRule rule = c.reader().rule();
        RawCapture raw = c.raw();
        dispatcher.background(() -> {
            long total = raw.total();
            RawCapture.Snapshot snap = raw.since(Math.max(0, total - SHOWN_BYTES));
            Result r = annotate(snap.bytes(), snap.firstOffset(), rule);
            String sum = String.format(java.util.Locale.ROOT, "Last %,d of %,d bytes received, %d frame%s%s",
                    snap.bytes().length, snap.endOffset(), r.frames, r.frames == 1 ? "" : "s",
                    snap.firstOffset() > 0 ? " (the first line may begin mid-frame)" : "");
            dispatcher.ui(() -> {
                text.set(r.text);
                summary.set(sum);
            });
        });
    }

    /** The result of framing a capture: the text and how many frames it held. */
    record Result(String text, int frames) {
    }

    /** Frames {@code bytes} (stream offset {@code base}) with {@code rule}, one line per frame. */
    static Result annotate(byte[] bytes, long base, FrameRule rule) {
        StringBuilder sb = new StringBuilder(bytes.length * 4);
        if (rule.idleTimeoutNanos() > 0) {
            line(sb, base, bytes, 0, bytes.length, 0, bytes.length, "time-based rule: not replayable, bytes unframed");
            return new Result(sb.toString(), 0);
        }
        byte[] original = bytes.clone();
        FrameBuffer buf = new FrameBuffer(Math.max(16, bytes.length), Math.max(16, bytes.length));
        try {
            buf.append(bytes);
        } catch (BufferFullException e) {
            throw new IllegalStateException("buffer sized for the capture refused it", e);
        }
        // positions are offsets into the capture: the buffer may reset its indices once emptied,
        // but (nothing being appended) the bytes consumed so far are always length - readable
        int n = bytes.length;
        int frames = 0;
        while (buf.readable() > 0) {
            int s0 = n - buf.readable();
            try {
                if (!buf.advance(rule)) {
                    int p = n - buf.readable();
                    if (p > s0) {
                        line(sb, base + s0, original, s0, p, p, p, "dropped while skipping a bad frame");
                    }
                    line(sb, base + p, original, p, n, p, n, "incomplete: the rule waits for more");
                    break;
                }
                int head = n - buf.readable(); // the frame's region starts here (after anything skipped)
                int fs = head + buf.frameStart() - buf.start();
                int fe = head + buf.frameEnd() - buf.start();
                buf.consumeFrame();
                int s1 = n - buf.readable();
                frames++;
                if (head > s0) {
                    line(sb, base + s0, original, s0, head, head, head, "dropped while skipping a bad frame");
                }
                line(sb, base + head, original, head, s1, fs, Math.min(fe, s1), "frame, " + (fe - fs) + " bytes");
            } catch (FramingException e) {
                int s1 = n - buf.readable();
                if (s1 > s0) {
                    line(sb, base + s0, original, s0, s1, s1, s1, "rejected: " + e.getMessage());
                } else {
                    sb.append("          rejected: ").append(e.getMessage()).append('\n');
                    if (!buf.isDiscarding()) {
                        break;
                    }
                }
            }
        }
        return new Result(sb.toString(), frames);
    }

    /** One frame: offset, hex with the non-content bytes in [brackets], the note. */
    private static void line(StringBuilder sb, long offset, byte[] a, int from, int to, int cs, int ce, String note) {
        sb.append(String.format(java.util.Locale.ROOT, "%08X  ", offset));
        boolean open = false;
        for (int i = from; i < to; i++) {
            boolean content = i >= cs && i < ce;
            if (!content && !open) {
                sb.append('[');
                open = true;
            } else if (content && open) {
                sb.setLength(sb.length() - 1);
                sb.append("] ");
                open = false;
            }
            sb.append(Escapes.hex(a, i, 1)).append(' ');
        }
        if (open) {
            sb.setLength(sb.length() - 1);
            sb.append("] ");
        }
        sb.append(" | ").append(Escapes.escape(a, from, Math.min(to - from, 64)))
                .append(to - from > 64 ? "…" : "").append("  ← ").append(note).append('\n');
    }
}
