package org.streamframer.app.frames;

import java.util.HexFormat;

/**
 * The classic dump: offset, 16 bytes in hex, the same bytes as ASCII.
 * <pre>
 * 00000000  2A 49 44 4E 3F 0A                                 *IDN?.
 * </pre>
 */
public final class HexDump {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    static final int WIDTH = 16;

    private HexDump() {
    }

    /** The dump of {@code bytes}, 16 a row, at most {@code maxBytes} of them (a note says how many more). */
    public static String format(byte[] bytes, int maxBytes) {
        return format(bytes, maxBytes, WIDTH);
    }

    /** The dump with {@code width} bytes a row (8 fits a narrow pane). */
    public static String format(byte[] bytes, int maxBytes, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width < 1: " + width);
        }
        int n = Math.min(bytes.length, maxBytes);
        StringBuilder sb = new StringBuilder((n / width + 1) * (12 + 4 * width));
        for (int row = 0; row < n; row += width) {
            sb.append(HEX.toHexDigits(row)).append("  ");
            for (int i = 0; i < width; i++) {
                if (row + i < n) {
                    sb.append(HEX.toHexDigits(bytes[row + i])).append(' ');
                } else {
                    sb.append("   ");
                }
                if (i == 7 && width > 8) {
                    sb.append(' ');
                }
            }
            sb.append(' ');
            for (int i = 0; i < width && row + i < n; i++) {
                int b = bytes[row + i] & 0xFF;
                sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            sb.append('\n');
        }
        if (bytes.length > n) {
            sb.append("... ").append(bytes.length - n).append(" more bytes\n");
        }
        return sb.toString();
    }
}
