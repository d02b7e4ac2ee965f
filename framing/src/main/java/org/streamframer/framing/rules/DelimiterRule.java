package org.streamframer.framing.rules;

import java.util.Arrays;
import java.util.Objects;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.ScanResult;

/**
 * Frames end at a delimiter (streamframer's {@code until_delim}). Placeholder single-delimiter
 * version; the full rule (several delimiters, keep/strip) replaces it.
 */
public final class DelimiterRule implements FrameRule {
    private final byte[] delimiter;
    private final boolean strip;
    private final int maxFrameLength;

    public DelimiterRule(byte[] delimiter, boolean strip, int maxFrameLength) {
        Objects.requireNonNull(delimiter, "delimiter");
        if (delimiter.length == 0) {
            throw new IllegalArgumentException("delimiter is empty");
        }
        if (maxFrameLength < 1) {
            throw new IllegalArgumentException("maxFrameLength < 1: " + maxFrameLength);
        }
        this.delimiter = delimiter.clone();
        this.strip = strip;
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    public void scan(FrameBuffer buffer, int from, ScanResult out) {
        byte[] a = buffer.array();
        int start = buffer.start();
        int end = buffer.end();
        int dl = delimiter.length;
        int i = Math.max(start, from);
        byte first = delimiter[0];
        for (; i + dl <= end; i++) {
            if (a[i] == first && Arrays.equals(a, i, i + dl, delimiter, 0, dl)) {
                out.frame(start, strip ? i : i + dl, i + dl);
                return;
            }
        }
        out.needMore(Math.max(start, end - dl + 1));
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public String toString() {
        return "DelimiterRule" + Arrays.toString(delimiter);
    }
}
