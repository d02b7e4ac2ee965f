package org.streamframer.framing.fstrm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class FstrmEncoderTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void emptyPayloadIsRefusedEverywhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FstrmEncoder.encodeData(new byte[0]));
        assertTrue(e.getMessage().contains("0 bytes") && e.getMessage().contains("escape"), e.getMessage());
        ByteBuffer dst = ByteBuffer.allocate(16);
        assertThrows(IllegalArgumentException.class, () -> FstrmEncoder.writeData(dst, ByteBuffer.allocate(0)));
        assertThrows(IllegalArgumentException.class,
                () -> FstrmEncoder.writeData(new ByteArrayOutputStream(), new byte[3], 1, 0));
        assertEquals(0, dst.position(), "nothing written");
    }

    @Test
    void dataFrameIsLengthThenPayload() throws Exception {
        assertEquals("00000003616263", HEX.formatHex(FstrmEncoder.encodeData(new byte[] {'a', 'b', 'c'})));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FstrmEncoder.writeData(out, new byte[] {9, 'x', 'y', 9}, 1, 2);
        assertEquals("000000027879", HEX.formatHex(out.toByteArray()));
        ByteBuffer dst = ByteBuffer.allocate(7);
        FstrmEncoder.writeData(dst, ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertEquals("00000003010203", HEX.formatHex(dst.array()));
        assertEquals(5, FstrmEncoder.dataFrameLength(1));
    }

    @Test
    void tooSmallBufferGetsNothing() {
        ByteBuffer dst = ByteBuffer.allocate(6);
        assertThrows(BufferOverflowException.class, () -> FstrmEncoder.writeData(dst, new byte[3], 0, 3));
        assertThrows(BufferOverflowException.class, () -> FstrmEncoder.writeControl(dst, ControlFrame.stop()));
        assertEquals(0, dst.position());
    }

    @Test
    void controlFramesAsTheCLibraryWritesThem() {
        // STOP as it ends the Knot DNS fixture
        assertEquals("000000000000000400000003", HEX.formatHex(FstrmEncoder.encodeControl(ControlFrame.stop())));
        assertEquals("000000000000000400000005", HEX.formatHex(FstrmEncoder.encodeControl(ControlFrame.finish())));
        // START as it begins the Knot DNS fixture
        assertEquals("00000000" + "00000022" + "00000002" + "00000001" + "00000016"
                        + HEX.formatHex("protobuf:dnstap.Dnstap".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                HEX.formatHex(FstrmEncoder.encodeControl(ControlFrame.start("protobuf:dnstap.Dnstap"))));
        assertEquals("00000000" + "00000018" + "00000004" + "00000001" + "00000001" + "61" + "00000001" + "00000003" + "626364",
                HEX.formatHex(FstrmEncoder.encodeControl(ControlFrame.ready(List.of("a", "bcd")))));
        assertEquals("000000000000000400000001", HEX.formatHex(FstrmEncoder.encodeControl(ControlFrame.accept(List.of()))));
    }

    @Test
    void controlFrameLimitsAreCheckedWhenMade() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ControlFrame(ControlType.START, List.of("a", "b"))).getMessage().contains("2 content types"));
        assertThrows(IllegalArgumentException.class, () -> new ControlFrame(ControlType.STOP, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new ControlFrame(ControlType.FINISH, List.of("a")));
        String ct257 = "x".repeat(257);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ControlFrame.ready(List.of(ct257))).getMessage().contains("257"));
        ControlFrame ok = ControlFrame.ready(List.of("x".repeat(256)));
        assertEquals(4 + 8 + 256, ok.length());
        // two 250-byte content types make CLEN 520, over 512
        String m = assertThrows(IllegalArgumentException.class,
                () -> ControlFrame.ready(List.of("a".repeat(250), "b".repeat(250)))).getMessage();
        assertTrue(m.contains("520") && m.contains("512"), m);
        assertThrows(IllegalArgumentException.class, () -> ControlFrame.start("\u20ac"));
    }

    @Test
    void everyByteValueOfAContentTypeRoundTrips() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < 256; c++) {
            sb.append((char) c);
        }
        ControlFrame ready = ControlFrame.ready(List.of(sb.toString()));
        byte[] wire = FstrmEncoder.encodeControl(ready);
        assertEquals(ready, ControlFrame.decode(wire, 8, wire.length - 8));
    }
}
