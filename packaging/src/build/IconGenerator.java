import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the Streamframer icon and writes it in the three formats jpackage wants:
 * {@code streamframer.png} (Linux, 256 px), {@code streamframer.ico} (Windows) and
 * {@code streamframer.icns} (macOS).
 *
 * <p>Run by the packaging build as a single-file program ({@code java IconGenerator.java DIR}).
 * The drawing is plain Java2D with fixed geometry and colours, so the same JDK writes the
 * same bytes on every run; there is no binary icon in the repository to drift from this code.
 *
 * <p>The picture: a byte stream (small squares) cut into three frames by amber delimiter
 * bars, on a blue rounded square. It stays readable at 16 px.
 *
 * <p>Both container formats simply embed PNG images, which every supported OS reads:
 * <pre>
 * ICO  : 00 00 | 01 00 | count(u16 LE) | count x { w h 0 0 | planes=1(u16) bpp=32(u16)
 *        | size(u32) | offset(u32) } | PNG data ...                  (all little-endian)
 * ICNS : "icns" | total length(u32 BE) | { type(4 chars) | length incl. 8-byte header(u32 BE)
 *        | PNG data } ...          types: ic07 = 128 px, ic08 = 256 px, ic09 = 512 px
 * </pre>
 */
public final class IconGenerator {
    private static final Color BACKGROUND_TOP = new Color(0x1F, 0x3A, 0x5F);
    private static final Color BACKGROUND_BOTTOM = new Color(0x2E, 0x6F, 0x95);
    private static final Color BYTE = new Color(0xE8, 0xF1, 0xF8);
    private static final Color DELIMITER = new Color(0xF5, 0xA6, 0x23);

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java IconGenerator.java OUTPUT_DIR");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Path dir = Files.createDirectories(Path.of(args[0]));

        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : new int[] {16, 32, 48, 128, 256, 512}) {
            png.put(size, png(draw(size)));
        }
        Files.write(dir.resolve("streamframer.png"), png.get(256));
        Files.write(dir.resolve("streamframer.ico"), ico(png, 16, 32, 48, 256));
        Files.write(dir.resolve("streamframer.icns"), icns(png));
        System.out.println("icons written to " + dir.toAbsolutePath());
    }

    /** Draws the icon on a {@code size} x {@code size} transparent canvas. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 256.0, size / 256.0); // geometry below is in a 256-unit square

            g.setPaint(new GradientPaint(0, 0, BACKGROUND_TOP, 0, 256, BACKGROUND_BOTTOM));
            g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

            // three frames of 3, 2 and 3 bytes, each closed by a delimiter bar
            int[] frameLengths = {3, 2, 3};
            double x = 30;
            double cell = 18;
            double gap = 4;
            for (int frame = 0; frame < frameLengths.length; frame++) {
                g.setColor(BYTE);
                for (int b = 0; b < frameLengths[frame]; b++) {
                    g.fill(new RoundRectangle2D.Double(x, 110, cell, cell, 5, 5));
                    x += cell + gap;
                }
                if (frame < frameLengths.length - 1) {
                    g.setColor(DELIMITER);
                    g.fill(new RoundRectangle2D.Double(x, 88, 8, 62, 4, 4));
                    x += 8 + gap;
                }
            }
            // the stream goes on: a line under the bytes
            g.setColor(BYTE);
            g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawLine(30, 170, 226, 170);
        } finally {
            g.dispose();
        }
        return image;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] ico(Map<Integer, byte[]> png, int... sizes) {
        int offset = 6 + 16 * sizes.length;
        int total = offset;
        for (int size : sizes) {
            total += png.get(size).length;
        }
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int size : sizes) {
            byte[] data = png.get(size);
            out.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
            out.put((byte) 0).put((byte) 0);
            out.putShort((short) 1).putShort((short) 32);
            out.putInt(data.length).putInt(offset);
            offset += data.length;
        }
        for (int size : sizes) {
            out.put(png.get(size));
        }
        return out.array();
    }

    static byte[] icns(Map<Integer, byte[]> png) {
        String[] types = {"ic07", "ic08", "ic09"};
        int[] sizes = {128, 256, 512};
        int total = 8;
        for (int size : sizes) {
            total += 8 + png.get(size).length;
        }
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        out.put(ascii("icns")).putInt(total);
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = png.get(sizes[i]);
            out.put(ascii(types[i])).putInt(8 + data.length).put(data);
        }
        return out.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
