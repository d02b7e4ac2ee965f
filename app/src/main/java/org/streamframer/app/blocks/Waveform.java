package org.streamframer.app.blocks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Block data read as samples.
 *
 * @param samples       the decoded samples, in order
 * @param trailingBytes bytes at the end that did not fill a whole sample (not decoded)
 */
public record Waveform(double[] samples, SampleFormat format, ByteOrder order, int trailingBytes) {

    public Waveform {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(order, "order");
    }

    /** Decodes {@code a[off, off+len)}. */
    public static Waveform decode(byte[] a, int off, int len, SampleFormat format, ByteOrder order) {
        Objects.checkFromIndexSize(off, len, a.length);
        ByteBuffer b = ByteBuffer.wrap(a, off, len).slice().order(order);
        int n = len / format.size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (format) {
                case INT8 -> b.get();
                case UINT8 -> b.get() & 0xff;
                case INT16 -> b.getShort();
                case UINT16 -> b.getShort() & 0xffff;
                case INT32 -> b.getInt();
                case FLOAT32 -> b.getFloat();
                case FLOAT64 -> b.getDouble();
            };
        }
        return new Waveform(out, format, order, len - n * format.size());
    }

    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : samples) {
            m = Math.min(m, v);
        }
        return m;
    }

    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : samples) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * At most {@code maxPoints} (index, value) points for a chart: every sample when there
     * are few enough, else each bucket's minimum and maximum in index order, so spikes stay visible.
     * Returned as {@code [x0, y0, x1, y1, ...]}.
     */
    public double[] displayPoints(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints (" + maxPoints + ") must be at least 2");
        }
        int n = samples.length;
        if (n <= maxPoints) {
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                xy[2 * i] = i;
                xy[2 * i + 1] = samples[i];
            }
            return xy;
        }
        int buckets = maxPoints / 2;
        double[] xy = new double[4 * buckets];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int lo = from;
            int hi = from;
            for (int i = from; i < to; i++) {
                if (samples[i] < samples[lo]) {
                    lo = i;
                }
                if (samples[i] > samples[hi]) {
                    hi = i;
                }
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            xy[k++] = first;
            xy[k++] = samples[first];
            xy[k++] = second;
            xy[k++] = samples[second];
        }
        return xy;
    }
}
