package org.streamframer.framing.scpi;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.rules.IeeeBlock;

/** Parsing *IDN? and SYST:ERR? answers, responses, timeout messages. */
class ScpiValuesTest {

    @Test
    void identityHasFourFieldsAndTheFirmwareMayContainCommas() {
        assertEquals(new Identity("KEYSIGHT TECHNOLOGIES", "34465A", "MY57500123", "A.02.14,02.40"),
                Identity.parse("KEYSIGHT TECHNOLOGIES,34465A,MY57500123,A.02.14,02.40\r\n"));
        assertEquals(new Identity("Rigol", "DS1054Z", "0", "00.04.04"), Identity.parse(" Rigol , DS1054Z ,0, 00.04.04 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Identity.parse("ACME,Box"));
        assertEquals("*IDN? response has 2 comma-separated field(s), expected 4 (manufacturer,model,serial,firmware):"
                + " \"ACME,Box\"", e.getMessage());
    }

    @Test
    void errorEntriesParseWithOrWithoutQuotes() {
        assertEquals(new InstrumentError(-113, "Undefined header"), InstrumentError.parse("-113,\"Undefined header\""));
        assertEquals(new InstrumentError(0, "No error"), InstrumentError.parse("+0,\"No error\"\n"));
        assertTrue(InstrumentError.parse("0,No error").isNoError());
        assertEquals(new InstrumentError(-100, "say \"hi\""), InstrumentError.parse("-100,\"say \"\"hi\"\"\""));
        assertEquals(new InstrumentError(5, ""), InstrumentError.parse("5"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstrumentError.parse("oops,\"x\""));
        assertTrue(e.getMessage().contains("\"oops,\"x\"\""), e.getMessage());
    }

    @Test
    void responseTextStripsATrailingTerminatorAndBlocksAreCopies() {
        byte[] b = "1.5,#14abcd\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Response r = new Response("CURV?", b, List.of(new IeeeBlock(7, 4, false)), Duration.ofMillis(3));
        assertEquals("1.5,#14abcd", r.text());
        byte[] d = r.blockData(0);
        assertEquals("abcd", new String(d, StandardCharsets.ISO_8859_1));
        d[0] = 'X';
        assertEquals("abcd", new String(r.blockData(0), StandardCharsets.ISO_8859_1));
        assertThrows(IndexOutOfBoundsException.class, () -> r.blockData(1));
    }

    @Test
    void timeoutEscapesUnprintableBytes() {
        QueryTimeoutException e = new QueryTimeoutException("X?", Duration.ofSeconds(1), "serial /dev/pts/3 9600 8N1",
                5, new byte[] {'o', 'k', 0, (byte) 0xff, '\t'});
        assertTrue(e.getMessage().endsWith("last 5 bytes: 6f 6b 00 ff 09 (\"ok\\x00\\xff\\t\") -- check the terminator"
                + " and the framing rule"), e.getMessage());
        assertEquals(5, e.bytesArrived());
    }
}
