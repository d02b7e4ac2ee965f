package org.streamframer.app.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one hex dump, used by the frame detail pane and the block viewer. */
class HexDumpTest {

    @Test
    void linesHaveOffsetsBytesAndAscii() {
        byte[] d = new byte[20];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) (0x41 + i);
        }
        d[1] = 0;
        d[2] = (byte) 0xFF;
        HexDump h = new HexDump(d);
        assertEquals(2, h.size());
        assertEquals("00000000  41 00 FF 44 45 46 47 48  49 4A 4B 4C 4D 4E 4F 50  |A..DEFGHIJKLMNOP|", h.get(0));
        assertEquals("00000010  51 52 53 54                                       |QRST|", h.get(1));
        assertEquals(0, new HexDump(new byte[0]).size());
        assertThrows(IndexOutOfBoundsException.class, () -> h.get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> h.get(-1));
    }

    @Test
    void narrowLinesAndTheWholeDumpAsText() {
        byte[] d = "0123456789abcdefXY\n".getBytes();
        assertEquals("00000000  30 31 32 33 34 35 36 37  |01234567|\n"
                + "00000008  38 39 61 62 63 64 65 66  |89abcdef|\n"
                + "00000010  58 59 0A                 |XY.|\n", HexDump.format(d, 100, 8));
        assertEquals("00000000  30 31 32 33  |0123|\n... 15 more bytes\n", HexDump.format(d, 4, 4));
        assertEquals("", HexDump.format(new byte[0], 10));
        assertThrows(IllegalArgumentException.class, () -> new HexDump(d, 0));
    }

    @Test
    void aBigBlockIsFormattedOnlyWhereAsked() {
        byte[] big = new byte[64 * 1024 * 1024 + 3];
        big[big.length - 1] = 'z';
        HexDump h = new HexDump(big);
        assertEquals(4 * 1024 * 1024 + 1, h.size());
        assertEquals("04000000  00 00 7A                                          |..z|", h.get(h.size() - 1));
    }
}
