package org.streamframer.app.blocks;

import java.util.AbstractList;
import java.util.HexFormat;
import java.util.RandomAccess;

/**
 * A hex dump of a byte array as a list of lines, each computed when asked for (so a list
 * view of a 100 MB block only formats the rows on screen):
 *
 * <pre>
 * 00000000  89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52  |.PNG........IHDR|
 * </pre>
 */
public final class HexDump extends AbstractList<String> implements RandomAccess {

    /** Bytes per line. */
    public static final int WIDTH = 16;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;

    /** Dumps {@code data} (not copied: do not change it afterwards). */
    public HexDump(byte[] data) {
        this.data = data;
    }

    @Override
    public int size() {
        return (data.length + WIDTH - 1) / WIDTH;
    }

    @Override
    public String get(int line) {
        if (line < 0 || line >= size()) {
            throw new IndexOutOfBoundsException("line " + line + " of a " + size() + "-line dump");
        }
        int start = line * WIDTH;
        int end = Math.min(data.length, start + WIDTH);
        StringBuilder sb = new StringBuilder(80);
        String offset = HEX.toHexDigits(start);
        sb.append(offset).append("  ");
        for (int i = start; i < start + WIDTH; i++) {
            if (i < end) {
                HEX.toHexDigits(sb, data[i]);
                sb.append(' ');
            } else {
                sb.append("   ");
            }
            if (i == start + WIDTH / 2 - 1) {
                sb.append(' ');
            }
        }
        sb.append(" |");
        for (int i = start; i < end; i++) {
            int c = data[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        return sb.append('|').toString();
    }
}
