package org.streamframer.app.sim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** The scope's screen (grid, trace, the DMM reading) rendered off-screen as a PNG. */
final class Screenshot {

    static final int WIDTH = 480;
    static final int HEIGHT = 320;

    private Screenshot() {
    }

    /** A PNG of the screen showing {@code samples} and the caption {@code reading}. */
    static byte[] png(short[] samples, String reading) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(16, 20, 28));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            drawGrid(g);
            drawTrace(g, samples);
            g.setColor(new Color(230, 230, 230));
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
            g.drawString("STREAMFRAMER SIM  CH1  " + reading + " V", 10, HEIGHT - 10);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("no PNG writer in javax.imageio");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the screenshot PNG", e);
        }
        return out.toByteArray();
    }

    private static void drawGrid(Graphics2D g) {
        g.setColor(new Color(60, 66, 80));
        int plotH = HEIGHT - 30;
        for (int i = 0; i <= 10; i++) {
            int x = i * (WIDTH - 1) / 10;
            g.drawLine(x, 0, x, plotH);
        }
        for (int j = 0; j <= 8; j++) {
            int y = j * plotH / 8;
            g.drawLine(0, y, WIDTH - 1, y);
        }
    }

    private static void drawTrace(Graphics2D g, short[] samples) {
        if (samples.length < 2) {
            return;
        }
        g.setColor(new Color(250, 210, 40));
        g.setStroke(new BasicStroke(1.5f));
        int plotH = HEIGHT - 30;
        int prevX = 0;
        int prevY = y(samples[0], plotH);
        for (int i = 1; i < samples.length; i++) {
            int x = (int) ((long) i * (WIDTH - 1) / (samples.length - 1));
            int y = y(samples[i], plotH);
            g.drawLine(prevX, prevY, x, y);
            prevX = x;
            prevY = y;
        }
    }

    private static int y(short sample, int plotH) {
        return plotH / 2 - sample * (plotH / 2) / 16384;
    }
}
