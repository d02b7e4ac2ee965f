package org.streamframer.app.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.framing.rules.IeeeBlock;
import org.streamframer.framing.scpi.Response;

class BlockViewModelTest {

    private final BlockViewModel vm = new BlockViewModel(Runnable::run, Runnable::run);

    static Response blockResponse(String command, byte[] data) {
        String len = Integer.toString(data.length);
        byte[] head = ("#" + len.length() + len).getBytes(StandardCharsets.US_ASCII);
        byte[] r = new byte[head.length + data.length + 1];
        System.arraycopy(head, 0, r, 0, head.length);
        System.arraycopy(data, 0, r, head.length, data.length);
        r[r.length - 1] = '\n';
        return new Response(command, r, List.of(new IeeeBlock(head.length, data.length, false)), Duration.ofMillis(3));
    }

    static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, Color.RED.getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void pngBlockIsDecodedToAnImage() throws Exception {
        byte[] png = png(64, 48);
        vm.open(blockResponse("HCOP:SDUM:DATA?", png), 0);
        assertEquals(ImageKind.PNG, vm.imageKindProperty().get());
        BufferedImage img = vm.imageProperty().get();
        assertNotNull(img, vm.imageStatusProperty().get());
        assertEquals(64, img.getWidth());
        assertEquals(48, img.getHeight());
        assertEquals(Color.RED.getRGB(), img.getRGB(1, 1));
        assertEquals("PNG 64 x 48", vm.imageStatusProperty().get());
        assertEquals(png.length, vm.lengthProperty().get());
        assertTrue(vm.headerProperty().get().startsWith("definite block #" + Integer.toString(png.length).length()),
                vm.headerProperty().get());
        assertTrue(vm.hexDumpProperty().get().get(0).startsWith("00000000  89 50 4E 47 0D 0A 1A 0A"));
    }

    @Test
    void corruptPngIsAMessageNotACrash() {
        byte[] bad = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
        vm.open(blockResponse("X?", bad), 0);
        assertNull(vm.imageProperty().get());
        assertTrue(vm.imageStatusProperty().get().startsWith("could not decode the PNG data (11 bytes)")
                || vm.imageStatusProperty().get().startsWith("no decoder"), vm.imageStatusProperty().get());
    }

    @Test
    void pickingASampleFormatPlotsTheWaveform() {
        byte[] d = {1, 0, 2, 0, (byte) 0xfe, (byte) 0xff};
        vm.open(blockResponse("WAV:DATA?", d), 0);
        assertNull(vm.waveformProperty().get());
        vm.sampleFormatProperty().set(SampleFormat.INT16);
        assertArrayEquals(new double[] {1, 2, -2}, vm.waveformProperty().get().samples());
        assertEquals("3 samples, int16 little-endian, min -2, max 2", vm.waveformSummaryProperty().get());
        vm.byteOrderProperty().set(ByteOrder.BIG_ENDIAN);
        assertArrayEquals(new double[] {256, 512, -257}, vm.waveformProperty().get().samples());
        vm.sampleFormatProperty().set(SampleFormat.INT32);
        assertTrue(vm.waveformSummaryProperty().get().endsWith("2 trailing byte(s) not a whole sample, ignored"));
        vm.sampleFormatProperty().set(null);
        assertNull(vm.waveformProperty().get());
    }

    @Test
    void secondBlockOfAResponse() {
        byte[] r = "#13abc,#12de\n".getBytes(StandardCharsets.US_ASCII);
        vm.open("A?", r, List.of(new IeeeBlock(3, 3, false), new IeeeBlock(10, 2, false)), 1);
        assertArrayEquals("de".getBytes(), vm.data());
        assertEquals(2, vm.blockCountProperty().get());
        vm.show(0);
        assertArrayEquals("abc".getBytes(), vm.data());
        assertThrows(IllegalArgumentException.class, () -> vm.show(2));
    }

    @Test
    void saveRawWritesTheDataInTheBackground(@TempDir Path dir) throws Exception {
        java.util.List<Runnable> io = new java.util.ArrayList<>();
        BlockViewModel b = new BlockViewModel(io::add, Runnable::run);
        byte[] d = {0, 1, 2, (byte) 0xff, '\n'};
        b.open(blockResponse("WAV:DATA?", d), 0);
        Path f = dir.resolve("w.bin");
        var done = b.saveRaw(f);
        assertTrue(!Files.exists(f));
        io.forEach(Runnable::run);
        assertEquals(f, done.get());
        assertArrayEquals(d, Files.readAllBytes(f));
        assertEquals("saved 5 bytes to " + f, b.statusProperty().get());
        var failed = b.saveRaw(dir.resolve("no/such/dir/w.bin"));
        io.subList(0, 1).clear();
        io.forEach(Runnable::run);
        assertTrue(failed.isCompletedExceptionally());
        assertTrue(b.statusProperty().get().startsWith("could not save " + dir.resolve("no/such/dir/w.bin")));
    }
}
