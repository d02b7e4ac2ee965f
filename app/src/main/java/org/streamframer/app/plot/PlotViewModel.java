package org.streamframer.app.plot;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javax.imageio.ImageIO;

/**
 * Poll and plot: several series, each polling its own query; pause, resume, clear, zoom,
 * export. Plain Java + JavaFX properties, no nodes; every method is called on the FX
 * thread (in tests: the test thread, with direct executors and a manual scheduler).
 *
 * <p>Queries go through {@link #setQueryFunction}: with none set (not connected), a tick
 * fails with "not connected" and polling goes on.
 */
public final class PlotViewModel implements AutoCloseable {

    /** Samples kept per series unless told otherwise. */
    public static final int DEFAULT_MAX_SAMPLES = 5_000;

    private final PlotRuntime runtime;
    private final int maxSamples;
    private final Map<SeriesViewModel, SeriesPoller> pollers = new IdentityHashMap<>();
    private volatile QueryFunction queryFunction;

    // Properties
    private final ObservableList<SeriesViewModel> series = FXCollections.observableArrayList();
    private final ObservableList<SeriesViewModel> seriesView = FXCollections.unmodifiableObservableList(series);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", true);
    private final ReadOnlyObjectWrapper<TimeRange> zoom = new ReadOnlyObjectWrapper<>(this, "zoom");
    private final ReadOnlyObjectWrapper<Duration> followWindow = new ReadOnlyObjectWrapper<>(this, "followWindow");
    private final ReadOnlyObjectWrapper<TimeRange> visibleRange = new ReadOnlyObjectWrapper<>(this, "visibleRange");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public PlotViewModel(PlotRuntime runtime, int maxSamples) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples (" + maxSamples + ") must be at least 1");
        }
        this.maxSamples = maxSamples;
    }

    public PlotViewModel(PlotRuntime runtime) {
        this(runtime, DEFAULT_MAX_SAMPLES);
    }

    public ObservableList<SeriesViewModel> series() {
        return seriesView;
    }

    /** False while paused. New series start polling only while running. */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** A fixed zoom, or null. */
    public ReadOnlyObjectProperty<TimeRange> zoomProperty() { return zoom.getReadOnlyProperty(); }
    /** A sliding window ("last 60 s"), or null. */
    public ReadOnlyObjectProperty<Duration> followWindowProperty() { return followWindow.getReadOnlyProperty(); }
    /** The x range to show; null = fit all samples. */
    public ReadOnlyObjectProperty<TimeRange> visibleRangeProperty() { return visibleRange.getReadOnlyProperty(); }
    /** The latest export result or error, in words. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    // Commands

    /** The function queries go through; null when not connected. Any thread. */
    public void setQueryFunction(QueryFunction fn) {
        this.queryFunction = fn;
    }

    /** Adds a series; it polls at once when running. */
    public SeriesViewModel addSeries(SeriesSpec spec) {
        SeriesViewModel vm = new SeriesViewModel(spec, maxSamples);
        SeriesPoller poller = new SeriesPoller(spec, this::queryCurrent, runtime.scheduler(), runtime.queries(),
                runtime.fx(), runtime.clock(), o -> {
                    vm.accept(o);
                    if (o instanceof PollOutcome.Answered) {
                        updateVisibleRange();
                    }
                });
        pollers.put(vm, poller);
        vm.showRange(visibleRange.get());
        series.add(vm);
        if (running.get()) {
            poller.start();
            vm.setRunning(true);
        }
        return vm;
    }

    /**
     * Adds a series from what the user typed: a query and an interval in milliseconds.
     * Bad input leaves the series list alone and says why in {@link #statusProperty()}.
     *
     * @return the new series, or null when the input was refused
     */
    public SeriesViewModel addSeries(String query, String intervalMillis) {
        try {
            String q = query == null ? "" : query.strip();
            String ms = intervalMillis == null ? "" : intervalMillis.strip();
            long millis;
            try {
                millis = Long.parseLong(ms);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("interval '" + ms + "' is not a whole number of milliseconds");
            }
            SeriesViewModel vm = addSeries(SeriesSpec.of(q, Duration.ofMillis(millis)));
            status.set("polling " + q + " every " + millis + " ms");
            return vm;
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return null;
        }
    }

    public void removeSeries(SeriesViewModel vm) {
        SeriesPoller p = pollers.remove(vm);
        if (p != null) {
            p.stop();
            vm.setRunning(false);
            series.remove(vm);
            updateVisibleRange();
        }
    }

    /** Stops sending; answers already on their way are still taken. */
    public void pause() {
        running.set(false);
        pollers.forEach((vm, p) -> {
            p.stop();
            vm.setRunning(false);
        });
    }

    public void resume() {
        running.set(true);
        pollers.forEach((vm, p) -> {
            p.start();
            vm.setRunning(true);
        });
    }

    /** Clears every series' samples and statistics. */
    public void clear() {
        series.forEach(SeriesViewModel::clear);
        updateVisibleRange();
    }

    /** Shows exactly [from, to]. */
    public void zoom(Instant from, Instant to) {
        zoom.set(new TimeRange(from, to));
        followWindow.set(null);
        updateVisibleRange();
    }

    /** Shows the newest {@code window} and follows new samples. */
    public void zoomToLast(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window (" + window.toMillis() + " ms) must be positive");
        }
        followWindow.set(window);
        zoom.set(null);
        updateVisibleRange();
    }

    /** Fits all samples. */
    public void zoomAll() {
        zoom.set(null);
        followWindow.set(null);
        updateVisibleRange();
    }

    /** Writes every series as CSV ({@link CsvExporter}) on the I/O executor. */
    public CompletableFuture<Path> exportCsv(Path file) {
        List<CsvExporter.SeriesData> data = new ArrayList<>();
        for (SeriesViewModel s : series) {
            data.add(new CsvExporter.SeriesData(s.spec().name(), s.spec().query(), s.snapshot()));
        }
        int rows = data.stream().mapToInt(d -> d.samples().size()).sum();
        return inBackground(file, () -> CsvExporter.write(data, file), "exported " + rows + " samples to ");
    }

    /** Writes the chart image as PNG on the I/O executor. */
    public CompletableFuture<Path> exportPng(RenderedImage image, Path file) {
        Objects.requireNonNull(image, "image");
        return inBackground(file, () -> {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer available for " + file);
            }
        }, "saved chart (" + image.getWidth() + "x" + image.getHeight() + ") to ");
    }

    /** Stops all polling (the runtime is closed by its owner). */
    @Override
    public void close() {
        pollers.values().forEach(SeriesPoller::stop);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private CompletableFuture<Path> inBackground(Path file, IoAction action, String doneMessage) {
        CompletableFuture<Path> result = new CompletableFuture<>();
        status.set("writing " + file + " ...");
        runtime.io().execute(() -> {
            try {
                action.run();
                runtime.fx().execute(() -> status.set(doneMessage + file));
                result.complete(file);
            } catch (IOException | RuntimeException e) {
                runtime.fx().execute(() -> status.set("could not write " + file + ": " + e.getMessage()));
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private String queryCurrent(String command, Duration timeout) throws IOException {
        QueryFunction fn = queryFunction;
        if (fn == null) {
            throw new IOException("not connected: '" + command + "' was not sent");
        }
        return fn.query(command, timeout);
    }

    private void updateVisibleRange() {
        visibleRange.set(computeVisibleRange());
        TimeRange r = visibleRange.get();
        series.forEach(s -> s.showRange(r));
    }

    private TimeRange computeVisibleRange() {
        TimeRange fixed = zoom.get();
        if (fixed != null) {
            return fixed;
        }
        Duration window = followWindow.get();
        if (window == null) {
            return null;
        }
        Instant latest = null;
        for (SeriesViewModel s : series) {
            Instant t = s.latestTime();
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        Instant end = latest != null ? latest : runtime.clock().instant();
        return new TimeRange(end.minus(window), end);
    }

    /** Threads and clock the poller runs on. */
    public record PlotRuntime(PollScheduler scheduler, Executor queries, Executor fx, Executor io, Clock clock) {
        public PlotRuntime {
            Objects.requireNonNull(scheduler, "scheduler");
            Objects.requireNonNull(queries, "queries");
            Objects.requireNonNull(fx, "fx");
            Objects.requireNonNull(io, "io");
            Objects.requireNonNull(clock, "clock");
        }
    }
}
