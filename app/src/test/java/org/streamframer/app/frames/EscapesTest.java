package org.streamframer.app.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EscapesTest {

    @Test
    void controlBytesBecomeVisible() {
        assertEquals("+1.23E+00\\r\\n", Escapes.escape("+1.23E+00\r\n".getBytes()));
        assertEquals("end\\x04 \\\\ \\t\\x00\\xFF", Escapes.escape(new byte[] {'e', 'n', 'd', 4, ' ', '\\', ' ', '\t', 0, (byte) 0xFF}));
    }

    @Test
    void unescapeIsTheInverseOfEscape() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertArrayEquals(all, Escapes.unescape(Escapes.escape(all)));
        assertArrayEquals(new byte[] {'\r', '\n'}, Escapes.unescape("\\r\\n"));
        assertArrayEquals(new byte[] {0x1B, 0, 0x04}, Escapes.unescape("\\e\\0\\x04"));
    }

    @Test
    void badEscapesSayWhereAndWhat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Escapes.unescape("ab\\q"));
        assertTrue(e.getMessage().contains("\\q") && e.getMessage().contains("position 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Escapes.unescape("\\x4"));
        assertTrue(e.getMessage().contains("two hex digits"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Escapes.unescape("\\xZZ"));
        assertTrue(e.getMessage().contains("\\xZZ"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Escapes.unescape("tail\\"));
        assertTrue(e.getMessage().contains("lone"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Escapes.unescape("µ€"));
        assertTrue(e.getMessage().contains("'€'"), e.getMessage());
    }

    @Test
    void hexInTheFormsPeoplePaste() {
        byte[] crlf = {0x0D, 0x0A};
        assertArrayEquals(crlf, Escapes.parseHex("0D 0A"));
        assertArrayEquals(crlf, Escapes.parseHex("0d0a"));
        assertArrayEquals(crlf, Escapes.parseHex("0x0D,0x0A"));
        assertArrayEquals(crlf, Escapes.parseHex("0d:0a"));
        assertEquals("0D 0A", Escapes.hex(crlf));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Escapes.parseHex("0D 0"));
        assertTrue(e.getMessage().contains("odd number of hex digits (3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Escapes.parseHex("0G"));
        assertTrue(e.getMessage().contains("'G'"), e.getMessage());
    }
}
