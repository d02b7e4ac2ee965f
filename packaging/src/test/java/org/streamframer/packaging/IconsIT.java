package org.streamframer.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The icons IconGenerator wrote: a PNG, and the ICO and ICNS containers parsed back entry by
 * entry, each entry a PNG of the size its header declares, in the image jpackage installed.
 */
class IconsIT {
    private static Path icons() {
        return Build.existing(Build.target().resolve("icons"));
    }

    @Test
    void pngIs256SquareWithTransparentCorners() throws IOException {
        BufferedImage png = ImageIO.read(icons().resolve("streamframer.png").toFile());
        assertEquals(256, png.getWidth());
        assertEquals(256, png.getHeight());
        assertEquals(0, png.getRGB(0, 0) >>> 24, "top-left corner is transparent (rounded square)");
        assertEquals(0xFF, png.getRGB(128, 40) >>> 24, "the middle is opaque");
    }

    @Test
    void icoHoldsPngEntriesOfTheDeclaredSizes() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(icons().resolve("streamframer.ico")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0), "reserved");
        assertEquals(1, ico.getShort(2), "type 1 = icon");
        int count = ico.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int declared = ico.get(entry) == 0 ? 256 : Byte.toUnsignedInt(ico.get(entry));
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            assertTrue(offset + length <= ico.capacity(), "entry " + i + " lies inside the file");
            BufferedImage image = decode(Arrays.copyOfRange(ico.array(), offset, offset + length));
            assertEquals(declared, image.getWidth(), "entry " + i + " width");
            sizes.add(declared);
        }
        assertEquals(List.of(16, 32, 48, 256), sizes);
    }

    @Test
    void icnsHoldsPngEntriesOfTheirTypesSizes() throws IOException {
        ByteBuffer icns = ByteBuffer.wrap(Files.readAllBytes(icons().resolve("streamframer.icns")))
                .order(ByteOrder.BIG_ENDIAN);
        assertArrayEquals("icns".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(icns.array(), 0, 4));
        assertEquals(icns.capacity(), icns.getInt(4), "total length");
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at < icns.capacity()) {
            String type = new String(icns.array(), at, 4, StandardCharsets.US_ASCII);
            int length = icns.getInt(at + 4);
            BufferedImage image = decode(Arrays.copyOfRange(icns.array(), at + 8, at + length));
            int expected = switch (type) {
                case "ic07" -> 128;
                case "ic08" -> 256;
                case "ic09" -> 512;
                default -> throw new AssertionError("unexpected icns type " + type);
            };
            assertEquals(expected, image.getWidth(), type + " width");
            types.add(type);
            at += length;
        }
        assertEquals(icns.capacity(), at, "entries fill the file exactly");
        assertEquals(List.of("ic07", "ic08", "ic09"), types);
    }

    @Test
    @EnabledOnOs(OS.LINUX) // lib/NAME.png is the Linux image layout
    void bothLaunchersCarryTheIconInTheAppImage() throws IOException {
        byte[] icon = Files.readAllBytes(icons().resolve(Build.property("iconFile")));
        Path lib = Build.appImage().resolve("lib");
        assertArrayEquals(icon, Files.readAllBytes(lib.resolve(Build.appName() + ".png")), "GUI launcher icon");
        assertArrayEquals(icon, Files.readAllBytes(lib.resolve(Build.cliName() + ".png")), "CLI launcher icon");
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "entry decodes as an image");
        return image;
    }
}
