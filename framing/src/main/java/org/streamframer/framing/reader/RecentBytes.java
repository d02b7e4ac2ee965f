package org.streamframer.framing.reader;

/**
 * The last bytes received, whatever the rule made of them, with the running count: what a
 * query timeout shows so that a wrong terminator is easy to spot. Written by the reader thread
 * once per read (not per byte); read by anyone.
 */
final class RecentBytes {
    private final byte[] ring;
    /** Bytes ever written; {@code total % ring.length} is the next write position. */
    private long total;

    RecentBytes(int size) {
        ring = new byte[size];
    }

    synchronized void add(byte[] src, int off, int len) {
        int n = ring.length;
        int skip = Math.max(0, len - n); // only the tail can survive
        long pos = total + skip;
        for (int i = off + skip; i < off + len; ) {
            int at = (int) (pos % n);
            int chunk = Math.min(n - at, off + len - i);
            System.arraycopy(src, i, ring, at, chunk);
            i += chunk;
            pos += chunk;
        }
        total += len;
    }

    synchronized long total() {
        return total;
    }

    /** The last {@code min(max, total, size)} bytes, oldest first. */
    synchronized byte[] last(int max) {
        int n = (int) Math.min(Math.min(max, total), ring.length);
        byte[] out = new byte[Math.max(0, n)];
        long from = total - n;
        for (int i = 0; i < n; i++) {
            out[i] = ring[(int) ((from + i) % ring.length)];
        }
        return out;
    }
}
