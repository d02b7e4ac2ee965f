package org.streamframer.app.blocks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javax.imageio.ImageIO;
import org.streamframer.app.frames.HexDump;
import org.streamframer.framing.rules.IeeeBlock;
import org.streamframer.framing.scpi.Response;

/**
 * The binary block viewer's state: one IEEE 488.2 block of a response, its decoded header,
 * a hex dump, the image it holds (PNG/JPEG/BMP/GIF, decoded on the I/O executor) and, once
 * the user picks a sample format, its waveform. Called on the FX thread; file work, image
 * and waveform decoding run on {@code io}, results come back through {@code fx}.
 */
public final class BlockViewModel {

    /** Points the waveform chart is given at most (min/max decimation above). */
    public static final int MAX_DISPLAY_POINTS = 4_000;

    private final Executor io;
    private final Executor fx;
    private byte[] response = new byte[0];
    private List<IeeeBlock> blocks = List.of();
    private byte[] data = new byte[0];
    private long generation;
    private long waveGeneration;

    // Properties
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", "");
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(this, "length");
    private final ReadOnlyIntegerWrapper blockIndex = new ReadOnlyIntegerWrapper(this, "blockIndex");
    private final ReadOnlyIntegerWrapper blockCount = new ReadOnlyIntegerWrapper(this, "blockCount");
    private final ReadOnlyObjectWrapper<ObservableList<String>> hexDump =
            new ReadOnlyObjectWrapper<>(this, "hexDump", FXCollections.emptyObservableList());
    private final ReadOnlyObjectWrapper<ImageKind> imageKind = new ReadOnlyObjectWrapper<>(this, "imageKind");
    private final ReadOnlyObjectWrapper<BufferedImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyStringWrapper imageStatus = new ReadOnlyStringWrapper(this, "imageStatus", "");
    private final ObjectProperty<SampleFormat> sampleFormat = new SimpleObjectProperty<>(this, "sampleFormat");
    private final ObjectProperty<ByteOrder> byteOrder =
            new SimpleObjectProperty<>(this, "byteOrder", ByteOrder.LITTLE_ENDIAN);
    private final ReadOnlyObjectWrapper<Waveform> waveform = new ReadOnlyObjectWrapper<>(this, "waveform");
    private final ReadOnlyObjectWrapper<double[]> waveformPoints = new ReadOnlyObjectWrapper<>(this, "waveformPoints");
    private final ReadOnlyStringWrapper waveformSummary = new ReadOnlyStringWrapper(this, "waveformSummary", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public BlockViewModel(Executor io, Executor fx) {
        this.io = Objects.requireNonNull(io, "io");
        this.fx = Objects.requireNonNull(fx, "fx");
        sampleFormat.addListener((o, was, now) -> decodeWaveform());
        byteOrder.addListener((o, was, now) -> decodeWaveform());
    }

    /** "WAV:DATA? block 1/1, 2000 bytes". */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    /** The decoded header ({@link BlockHeader#describe()}), or why it could not be. */
    public ReadOnlyStringProperty headerProperty() { return header.getReadOnlyProperty(); }
    /** Data length in bytes. */
    public ReadOnlyIntegerProperty lengthProperty() { return length.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty blockIndexProperty() { return blockIndex.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty blockCountProperty() { return blockCount.getReadOnlyProperty(); }
    /** Hex dump lines of the data, computed as they are shown. */
    public ReadOnlyObjectProperty<ObservableList<String>> hexDumpProperty() { return hexDump.getReadOnlyProperty(); }
    /** The image format the data starts with, or null. */
    public ReadOnlyObjectProperty<ImageKind> imageKindProperty() { return imageKind.getReadOnlyProperty(); }
    /** The decoded image, or null (not an image, not decoded yet, or undecodable). */
    public ReadOnlyObjectProperty<BufferedImage> imageProperty() { return image.getReadOnlyProperty(); }
    public ReadOnlyStringProperty imageStatusProperty() { return imageStatus.getReadOnlyProperty(); }
    /** How to read the data as samples; null = not as a waveform. */
    public ObjectProperty<SampleFormat> sampleFormatProperty() { return sampleFormat; }
    public ObjectProperty<ByteOrder> byteOrderProperty() { return byteOrder; }
    /** The data read as {@link #sampleFormatProperty()}, or null. */
    public ReadOnlyObjectProperty<Waveform> waveformProperty() { return waveform.getReadOnlyProperty(); }
    /**
     * What the chart plots: at most {@link #MAX_DISPLAY_POINTS} points {@code [x0, y0, x1, y1, ...]}
     * ({@link Waveform#displayPoints}), or null.
     */
    public ReadOnlyObjectProperty<double[]> waveformPointsProperty() { return waveformPoints.getReadOnlyProperty(); }
    public ReadOnlyStringProperty waveformSummaryProperty() { return waveformSummary.getReadOnlyProperty(); }
    /** The result of the latest save, in words. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** A copy of the shown block's data. */
    public byte[] data() {
        return data.clone();
    }

    // Commands

    /** Shows block {@code index} of an instrument's response. */
    public void open(Response r, int index) {
        open(r.command(), r.bytes(), r.blocks(), index);
    }

    /**
     * Shows block {@code index} of {@code responseBytes}.
     *
     * @param source what the bytes answered (a query), for the title
     */
    public void open(String source, byte[] responseBytes, List<IeeeBlock> responseBlocks, int index) {
        Objects.requireNonNull(responseBytes, "responseBytes");
        if (index < 0 || index >= responseBlocks.size()) {
            throw new IllegalArgumentException("block index " + index + " out of range: the response has "
                    + responseBlocks.size() + " block(s)");
        }
        this.response = responseBytes;
        this.blocks = List.copyOf(responseBlocks);
        title.set((source == null || source.isBlank() ? "response" : source));
        show(index);
    }

    /** Switches to another block of the same response. */
    public void show(int index) {
        if (index < 0 || index >= blocks.size()) {
            throw new IllegalArgumentException("block index " + index + " out of range: the response has "
                    + blocks.size() + " block(s)");
        }
        long gen = ++generation;
        IeeeBlock b = blocks.get(index);
        blockIndex.set(index);
        blockCount.set(blocks.size());
        try {
            header.set(BlockHeader.locate(response, b).describe());
        } catch (IllegalArgumentException e) {
            header.set(e.getMessage());
        }
        int from = Math.max(0, Math.min(b.offset(), response.length));
        int to = Math.max(from, Math.min(response.length, b.offset() + b.length()));
        data = Arrays.copyOfRange(response, from, to);
        length.set(data.length);
        hexDump.set(FXCollections.observableList(new HexDump(data)));
        ImageKind kind = ImageKind.detect(data, 0, data.length);
        imageKind.set(kind);
        image.set(null);
        if (kind != null) {
            imageStatus.set("decoding " + kind + " (" + data.length + " bytes)...");
            decodeImage(gen, kind, data);
        } else {
            imageStatus.set("not an image (no PNG, JPEG, BMP or GIF signature)");
        }
        decodeWaveform();
    }

    /** Writes the block's data bytes (not the header) to {@code file} on the I/O executor. */
    public CompletableFuture<Path> saveRaw(Path file) {
        byte[] bytes = data;
        CompletableFuture<Path> result = new CompletableFuture<>();
        status.set("saving " + bytes.length + " bytes to " + file + " ...");
        io.execute(() -> {
            try {
                Files.write(file, bytes);
                fx.execute(() -> status.set("saved " + bytes.length + " bytes to " + file));
                result.complete(file);
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> status.set("could not save " + file + ": " + e));
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void decodeImage(long gen, ImageKind kind, byte[] bytes) {
        io.execute(() -> {
            BufferedImage img;
            String msg;
            try {
                img = ImageIO.read(new ByteArrayInputStream(bytes));
                msg = img == null ? "no decoder for this " + kind + " data"
                        : kind + " " + img.getWidth() + " x " + img.getHeight();
            } catch (IOException | RuntimeException e) {
                img = null;
                msg = "could not decode the " + kind + " data (" + bytes.length + " bytes): " + e.getMessage();
            }
            BufferedImage decoded = img;
            String message = msg;
            fx.execute(() -> {
                if (gen == generation) {
                    image.set(decoded);
                    imageStatus.set(message);
                }
            });
        });
    }

    private void decodeWaveform() {
        SampleFormat f = sampleFormat.get();
        ByteOrder o = byteOrder.get();
        long gen = ++waveGeneration;
        if (f == null || o == null) {
            waveform.set(null);
            waveformPoints.set(null);
            waveformSummary.set("pick a sample format to plot the data as a waveform");
            return;
        }
        byte[] bytes = data;
        waveformSummary.set("decoding " + bytes.length + " bytes as " + f + "...");
        io.execute(() -> {
            Waveform w = Waveform.decode(bytes, 0, bytes.length, f, o);
            double[] points = w.displayPoints(MAX_DISPLAY_POINTS);
            String summary = summary(w);
            fx.execute(() -> {
                if (gen == waveGeneration) {
                    waveform.set(w);
                    waveformPoints.set(points);
                    waveformSummary.set(summary);
                }
            });
        });
    }

    private static String summary(Waveform w) {
        SampleFormat f = w.format();
        String endian = w.order() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
        StringBuilder s = new StringBuilder().append(w.samples().length).append(" samples, ").append(f)
                .append(f.size() > 1 ? " " + endian : "");
        if (w.samples().length > 0) {
            s.append(", min ").append(fmt(w.min())).append(", max ").append(fmt(w.max()));
        }
        if (w.trailingBytes() > 0) {
            s.append("; ").append(w.trailingBytes()).append(" trailing byte(s) not a whole sample, ignored");
        }
        return s.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format("%.6g", v);
    }
}
