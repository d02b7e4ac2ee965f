package org.streamframer.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Plot tab with a fake clock: series added from the tool bar, plotted, cleared, zoomed (headless). */
@ExtendWith(ApplicationExtension.class)
class PlotViewFxTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final AtomicInteger n = new AtomicInteger();
    private PlotViewModel vm;
    private PlotView view;

    @Start
    void start(Stage stage) {
        vm = new PlotViewModel(new PlotViewModel.PlotRuntime(scheduler, Runnable::run, Runnable::run, Runnable::run,
                scheduler.clock), 50);
        // a sine-ish value, with a non-number every 10th answer
        vm.setQueryFunction((cmd, t) -> n.incrementAndGet() % 10 == 0 ? "-222,\"Data out of range\""
                : String.format(java.util.Locale.ROOT, "%+.5E V", Math.sin(n.get() / 5.0)));
        view = new PlotView(vm);
        stage.setScene(new Scene(view, 1000, 650));
        stage.show();
    }

    private void advance(FxRobot robot, Duration d) {
        robot.interact(() -> scheduler.advance(d));
    }

    @Test
    void addPlotClearAndZoom(FxRobot robot) {
        robot.interact(() -> robot.lookup("#plot-query").queryTextInputControl().setText("MEAS:VOLT:DC?"));
        robot.interact(() -> robot.lookup("#plot-interval").queryTextInputControl().setText("100"));
        robot.clickOn("#plot-add");
        assertEquals(1, vm.series().size());
        advance(robot, Duration.ofSeconds(3)); // 30 polls, 3 of them not numbers
        XYChart.Series<Number, Number> s = view.chart().getData().get(0);
        assertEquals(27, s.getData().size());
        assertEquals(T0.plusMillis(100).toEpochMilli(), s.getData().get(0).getXValue().longValue());
        assertEquals(Math.sin(1 / 5.0), s.getData().get(0).getYValue().doubleValue(), 1e-5);
        SeriesViewModel series = vm.series().get(0);
        assertEquals(3, series.garbageProperty().get());
        TableView<?> table = robot.lookup("#plot-table").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        robot.interact(() -> series.visibleProperty().set(false));
        assertEquals(0, view.chart().getData().size(), "hidden series leaves the chart");
        advance(robot, Duration.ofMillis(100));
        assertEquals(28, s.getData().size(), "but keeps polling");
        robot.interact(() -> series.visibleProperty().set(true));
        assertEquals(java.util.List.of(s), view.chart().getData());

        // the cap (50 samples) drops the oldest points from the chart too
        advance(robot, Duration.ofSeconds(3));
        assertEquals(45, s.getData().size(), "50 samples kept, 5 of them not numbers");
        assertEquals(T0.plusMillis(1200).toEpochMilli(), s.getData().get(0).getXValue().longValue());

        robot.interact(() -> vm.zoomToLast(Duration.ofSeconds(1)));
        NumberAxis x = (NumberAxis) view.chart().getXAxis();
        assertFalse(x.isAutoRanging());
        assertEquals(T0.plusMillis(5100).toEpochMilli(), x.getLowerBound(), 0.5);
        assertEquals(T0.plusMillis(6100).toEpochMilli(), x.getUpperBound(), 0.5);

        robot.clickOn("#plot-pause");
        assertFalse(vm.runningProperty().get());
        assertEquals("Resume", robot.lookup("#plot-pause").queryButton().getText());
        robot.clickOn("#plot-clear");
        assertEquals(0, s.getData().size());
        advance(robot, Duration.ofSeconds(1));
        assertEquals(0, s.getData().size(), "paused: nothing polled");
        robot.clickOn("#plot-pause");
        advance(robot, Duration.ofSeconds(1));
        assertTrue(s.getData().size() >= 9, "resumed: " + s.getData().size());
    }

    @Test
    void draggingAcrossTheChartZoomsToThatTimeRange(FxRobot robot) {
        robot.interact(() -> vm.addSeries(SeriesSpec.of("MEAS:VOLT:DC?", Duration.ofMillis(100))));
        advance(robot, Duration.ofSeconds(4));
        Node plotArea = robot.lookup(".chart-plot-background").query();
        Bounds b = plotArea.localToScreen(plotArea.getBoundsInLocal());
        double y = b.getMinY() + b.getHeight() / 2;
        robot.drag(b.getMinX() + b.getWidth() * 0.25, y).dropTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.75, y));
        TimeRange r = vm.zoomProperty().get();
        assertNotNull(r, "a drag sets a zoom");
        NumberAxis x = (NumberAxis) view.chart().getXAxis();
        assertFalse(x.isAutoRanging());
        long len = r.length().toMillis();
        assertTrue(len > 1000 && len < 3000, "about half of the 4 s shown: " + len + " ms");
        assertTrue(r.from().isAfter(T0) && r.to().isBefore(T0.plusSeconds(4)), r.toString());
    }

    @Test
    void chartExportsAsAPngOfItsOnScreenSize(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        robot.interact(() -> vm.addSeries(SeriesSpec.of("MEAS:VOLT:DC?", Duration.ofMillis(100))));
        advance(robot, Duration.ofSeconds(2));
        java.nio.file.Path file = dir.resolve("chart.png");
        java.util.concurrent.CompletableFuture<?>[] done = new java.util.concurrent.CompletableFuture<?>[1];
        robot.interact(() -> done[0] = view.exportPng(file));
        done[0].get(10, java.util.concurrent.TimeUnit.SECONDS);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(file.toFile());
        // the snapshot covers the chart's visual bounds: its size, give or take the overhang of its parts
        double w = view.chart().getWidth();
        double h = view.chart().getHeight();
        assertTrue(img.getWidth() >= w - 1 && img.getWidth() <= w + 40, img.getWidth() + " vs " + w);
        assertTrue(img.getHeight() >= h - 1 && img.getHeight() <= h + 40, img.getHeight() + " vs " + h);
        // the trace is drawn: the image is not one flat colour
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < img.getWidth(); x += 7) {
            for (int y = 0; y < img.getHeight(); y += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 3, colours.size() + " colours");
    }

    @Test
    void badIntervalIsShownNotAdded(FxRobot robot) {
        robot.interact(() -> robot.lookup("#plot-interval").queryTextInputControl().setText("10"));
        robot.clickOn("#plot-interval").type(javafx.scene.input.KeyCode.ENTER); // Enter there adds too
        assertEquals(0, vm.series().size());
        assertEquals("interval (10 ms) is below the minimum (50 ms)", robot.lookup("#plot-status").queryLabeled().getText());
    }
}
