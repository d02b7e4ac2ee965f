package org.streamframer.app.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Start and stop recording the session (JSON Lines or raw bytes) and open a saved JSONL log.
 * Called on the FX thread; nothing here blocks it: the writer opens and writes its file on its
 * own thread, a log is read on the {@code io} executor. An error (unwritable path, full disk)
 * ends the recording and is shown once in {@link #errorProperty()}; the connection goes on.
 */
public final class SessionLogViewModel {

    /** What is recorded. */
    public enum Format {
        /** One JSON object per frame, both directions ({@link JsonlFormat}). */
        JSONL,
        /** The frames' bytes back to back, of the directions {@link #rawDirectionsProperty()} says. */
        RAW
    }

    private final FrameSource source;
    private final Executor fx;
    private final Executor io;
    private BackgroundFrameWriter writer;

    // Properties
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper(this, "target", "");
    private final ReadOnlyLongWrapper written = new ReadOnlyLongWrapper(this, "written");
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "not recording");
    private final javafx.beans.property.ObjectProperty<RawDirections> rawDirections =
            new javafx.beans.property.SimpleObjectProperty<>(this, "rawDirections", RawDirections.RX);

    public SessionLogViewModel(FrameSource source, Executor fx, Executor io) {
        this.source = Objects.requireNonNull(source, "source");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.io = Objects.requireNonNull(io, "io");
    }

    public ReadOnlyBooleanProperty recordingProperty() { return recording.getReadOnlyProperty(); }
    /** The file being (or last) recorded to. */
    public ReadOnlyStringProperty targetProperty() { return target.getReadOnlyProperty(); }
    /** Frames written (as of the last {@link #refresh()}). */
    public ReadOnlyLongProperty writtenProperty() { return written.getReadOnlyProperty(); }
    /** Frames not written (as of the last {@link #refresh()}). */
    public ReadOnlyLongProperty droppedProperty() { return dropped.getReadOnlyProperty(); }
    /** The error that ended the recording ("" when none). */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** One line for a status bar: "recording to x.jsonl: 120 frames". */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** Which frames the next raw recording keeps (RX by default; null reads as RX). */
    public javafx.beans.property.ObjectProperty<RawDirections> rawDirectionsProperty() { return rawDirections; }

    // Commands

    /** Starts recording to {@code file} (stops a recording that is running first). */
    public void start(Path file, Format format) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        stop();
        error.set("");
        BackgroundFrameWriter w = format == Format.JSONL
                ? new JsonlFrameWriter(LogTarget.file(file), BackgroundFrameWriter.DEFAULT_CAPACITY, this::failed)
                : new RawFrameWriter(LogTarget.file(file), rawOnly(), BackgroundFrameWriter.DEFAULT_CAPACITY,
                        this::failed);
        writer = w;
        w.start();
        source.add().accept(w);
        recording.set(true);
        target.set(file.toString());
        refresh();
    }

    private org.streamframer.framing.reader.Direction rawOnly() {
        RawDirections d = rawDirections.get();
        return (d == null ? RawDirections.RX : d).only();
    }

    /** Stops recording; what is queued is still written (on the writer's thread). */
    public void stop() {
        BackgroundFrameWriter w = writer;
        if (w == null) {
            return;
        }
        source.remove().accept(w);
        w.stop();
        writer = null;
        recording.set(false);
        io.execute(() -> {
            try {
                w.awaitStopped(java.time.Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fx.execute(() -> showFinal(w));
        });
        refresh(w);
    }

    /** Updates the counters (the view calls it a few times a second while recording). */
    public void refresh() {
        BackgroundFrameWriter w = writer;
        if (w != null) {
            refresh(w);
        }
    }

    /** Reads a saved JSONL log on the I/O executor; the future completes there. */
    public CompletableFuture<JsonlFrameReader.Contents> open(Path file) {
        CompletableFuture<JsonlFrameReader.Contents> result = new CompletableFuture<>();
        io.execute(() -> {
            try {
                result.complete(JsonlFrameReader.read(file));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void refresh(BackgroundFrameWriter w) {
        written.set(w.written());
        dropped.set(w.dropped());
        if (w == writer) {
            status.set("recording to " + w.target() + ": " + w.written() + " frames"
                    + (w.dropped() > 0 ? ", " + w.dropped() + " dropped" : ""));
        }
    }

    private void showFinal(BackgroundFrameWriter w) {
        if (writer != null) {
            return; // a new recording started meanwhile
        }
        written.set(w.written());
        dropped.set(w.dropped());
        status.set(w.error() != null ? w.error().getMessage()
                : "recorded " + w.written() + " frames to " + w.target()
                        + (w.dropped() > 0 ? " (" + w.dropped() + " dropped)" : ""));
    }

    /** Writer thread: the one error that ended a recording. */
    private void failed(LogWriteException e) {
        fx.execute(() -> {
            error.set(e.getMessage());
            status.set(e.getMessage());
            if (writer != null && writer.error() == e) {
                source.remove().accept(writer);
                writer = null;
                recording.set(false);
            }
        });
    }
}
