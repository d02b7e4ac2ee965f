package org.streamframer.framing.scpi;

import java.io.IOException;
import java.time.Duration;

/**
 * No response frame came in time. The message says how many bytes did arrive since the query
 * was written and shows the last of them (hex and escaped text), so a wrong terminator or rule
 * is easy to spot:
 * <pre>
 * no response to "*IDN?" within 2000 ms on tcp 127.0.0.1:5025: 38 bytes arrived since the query
 * but no complete frame; last 38 bytes: 41 43 4d 45 ... 0d ("ACME,Model 1,123,1.0\r") -- check the terminator
 * </pre>
 */
public class QueryTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int bytesArrived;
    private final byte[] lastBytes;

    public QueryTimeoutException(String command, Duration timeout, String where, long bytesArrived, byte[] lastBytes) {
        super(message(command, timeout, where, bytesArrived, lastBytes));
        this.bytesArrived = (int) Math.min(Integer.MAX_VALUE, bytesArrived);
        this.lastBytes = lastBytes.clone();
    }

    private static String message(String command, Duration timeout, String where, long arrived, byte[] last) {
        StringBuilder sb = new StringBuilder("no response to \"").append(command).append("\" within ")
                .append(timeout.toMillis()).append(" ms on ").append(where).append(": ");
        if (arrived == 0) {
            return sb.append("no bytes arrived since the query").toString();
        }
        sb.append(arrived).append(" byte").append(arrived == 1 ? "" : "s")
                .append(" arrived since the query but no complete frame; last ").append(last.length)
                .append(" byte").append(last.length == 1 ? "" : "s").append(": ")
                .append(java.util.HexFormat.ofDelimiter(" ").formatHex(last))
                .append(" (\"").append(escape(last)).append("\") -- check the terminator and the framing rule");
        return sb.toString();
    }

    /** Printable ASCII as is; CR, LF, tab as \r \n \t; other bytes as \xNN. */
    static String escape(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        for (byte x : b) {
            int c = x & 0xff;
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        sb.append((char) c);
                    } else {
                        sb.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Bytes received since the query was written (framed or not). */
    public int bytesArrived() {
        return bytesArrived;
    }

    /** The last bytes received (at most 64), oldest first; a copy. */
    public byte[] lastBytes() {
        return lastBytes.clone();
    }
}
