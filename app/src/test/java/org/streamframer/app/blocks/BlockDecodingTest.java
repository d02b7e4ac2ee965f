package org.streamframer.app.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.streamframer.framing.rules.IeeeBlock;

class BlockDecodingTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void definiteHeaderIsDecoded() {
        byte[] r = ascii("#3010abcdefghij\n");
        BlockHeader h = BlockHeader.locate(r, new IeeeBlock(5, 10, false));
        assertEquals(new BlockHeader(0, 3, 5, 10, false, "#3010"), h);
        assertEquals("definite block #3010: 3 length digits, 10 data bytes at offset 5", h.describe());
    }

    @Test
    void headerAfterOtherResponseFieldsAndIndefinite() {
        byte[] r = ascii("1,#14abcd\n");
        assertEquals(2, BlockHeader.locate(r, new IeeeBlock(5, 4, false)).headerOffset());
        byte[] ind = ascii("#0xyz\n");
        BlockHeader h = BlockHeader.locate(ind, new IeeeBlock(2, 3, true));
        assertEquals("indefinite block #0: 3 data bytes at offset 2 (to the terminator)", h.describe());
    }

    @Test
    void aBlockWithoutItsHeaderIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlockHeader.locate(ascii("xxxxabcd"), new IeeeBlock(4, 4, false)));
        assertEquals("no IEEE 488.2 header in front of block data at offset 4 (length 4, definite)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BlockHeader.locate(ascii("#15ab"), new IeeeBlock(3, 5, false)));
        assertEquals("block data [3, 8) does not fit in a 5-byte response", e.getMessage());
    }

    @Test
    void imagesAreRecognisedByMagicBytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};
        assertEquals(ImageKind.PNG, ImageKind.detect(png, 0, png.length));
        assertEquals(ImageKind.JPEG, ImageKind.detect(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}, 0, 4));
        byte[] bmp = new byte[30];
        bmp[0] = 'B';
        bmp[1] = 'M';
        assertEquals(ImageKind.BMP, ImageKind.detect(bmp, 0, bmp.length));
        assertNull(ImageKind.detect(ascii("BM"), 0, 2), "two letters are not a bitmap");
        assertNull(ImageKind.detect(png, 0, 7), "truncated signature");
        assertNull(ImageKind.detect(new byte[] {1, 2, 3, 4}, 0, 4));
    }

    @Test
    void int16LittleAndBigEndian() {
        byte[] d = {0x01, 0x00, (byte) 0xff, (byte) 0xff, 0x00, (byte) 0x80, 0x7f};
        Waveform le = Waveform.decode(d, 0, d.length, SampleFormat.INT16, ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new double[] {1, -1, -32768}, le.samples());
        assertEquals(1, le.trailingBytes());
        Waveform be = Waveform.decode(d, 0, 6, SampleFormat.INT16, ByteOrder.BIG_ENDIAN);
        assertArrayEquals(new double[] {256, -1, 128}, be.samples());
        Waveform u = Waveform.decode(d, 0, 6, SampleFormat.UINT16, ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new double[] {1, 65535, 32768}, u.samples());
    }

    @Test
    void int8Uint8Int32Float32Float64() {
        byte[] b = {(byte) 0x80, 0x7f};
        assertArrayEquals(new double[] {-128, 127}, Waveform.decode(b, 0, 2, SampleFormat.INT8, ByteOrder.BIG_ENDIAN).samples());
        assertArrayEquals(new double[] {128, 127}, Waveform.decode(b, 0, 2, SampleFormat.UINT8, ByteOrder.BIG_ENDIAN).samples());
        ByteBuffer f = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(-100000).putFloat(-0.5f)
                .putDouble(1e300).putInt(7);
        byte[] a = f.array();
        assertArrayEquals(new double[] {-100000}, Waveform.decode(a, 0, 4, SampleFormat.INT32, ByteOrder.LITTLE_ENDIAN).samples());
        assertArrayEquals(new double[] {-0.5}, Waveform.decode(a, 4, 4, SampleFormat.FLOAT32, ByteOrder.LITTLE_ENDIAN).samples());
        assertArrayEquals(new double[] {1e300}, Waveform.decode(a, 8, 8, SampleFormat.FLOAT64, ByteOrder.LITTLE_ENDIAN).samples());
    }

    @Test
    void decimationKeepsSpikesAndOrder() {
        double[] s = new double[100_000];
        s[54_321] = 1000;
        s[77_777] = -1000;
        Waveform w = new Waveform(s, SampleFormat.INT16, ByteOrder.LITTLE_ENDIAN, 0);
        double[] xy = w.displayPoints(1000);
        assertEquals(2000, xy.length);
        boolean high = false;
        boolean low = false;
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) {
                assertTrue(xy[i] >= xy[i - 2], "x ascending at " + i);
            }
            high |= xy[i] == 54_321 && xy[i + 1] == 1000;
            low |= xy[i] == 77_777 && xy[i + 1] == -1000;
        }
        assertTrue(high && low, "both spikes survive decimation");
        assertEquals(6, new Waveform(new double[] {1, 2, 3}, SampleFormat.INT8, ByteOrder.BIG_ENDIAN, 0)
                .displayPoints(10).length);
    }
}
