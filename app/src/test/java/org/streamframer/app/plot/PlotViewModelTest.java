package org.streamframer.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotViewModelTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final ManualExecutor io = new ManualExecutor();
    private final Deque<String> answers = new ArrayDeque<>();
    private final PlotViewModel vm = new PlotViewModel(
            new PlotViewModel.PlotRuntime(scheduler, Runnable::run, Runnable::run, io, scheduler.clock), 4);

    PlotViewModelTest() {
        vm.setQueryFunction((cmd, t) -> answers.isEmpty() ? "0" : answers.poll());
    }

    private void poll(String... replies) {
        for (String r : replies) {
            answers.add(r);
            scheduler.advance(Duration.ofMillis(100));
        }
    }

    @Test
    void statisticsCountersAndNonNumbers() {
        SeriesViewModel s = vm.addSeries(SeriesSpec.of("MEAS:VOLT:DC?", Duration.ofMillis(100)));
        poll("+1.0E+00 V", "3 V", "garbage", "9.9E37", "2 V");
        assertEquals(3, s.valuesProperty().get());
        assertEquals(1, s.garbageProperty().get());
        assertEquals(1, s.overflowsProperty().get());
        assertEquals(1.0, s.minProperty().get());
        assertEquals(3.0, s.maxProperty().get());
        assertEquals(2.0, s.meanProperty().get(), 1e-12);
        assertEquals(2.0, s.lastProperty().get());
        assertEquals("V", s.unitProperty().get());
        assertEquals("1.00000 to 3.00000, mean 2.00000", s.sinceClearTextProperty().get());
        assertEquals("1 not a number, 1 overflow", s.problemsTextProperty().get());
        // the cap (4) dropped the oldest sample; stats still cover it
        assertEquals(4, s.samples().size());
        assertEquals("3 V", s.samples().get(0).text());
        assertEquals(2, s.samples().stream().filter(Sample::plotted).count());
    }

    @Test
    void garbageIsShownAsTheLastProblem() {
        SeriesViewModel s = vm.addSeries(SeriesSpec.of("X?", Duration.ofMillis(100)));
        poll("-113,\"Undefined header\"");
        assertEquals("not a number: \"-113,\"Undefined header\"\"", s.lastProblemProperty().get());
    }

    @Test
    void notConnectedFailsEachTickAndPollingGoesOn() {
        vm.setQueryFunction(null);
        SeriesViewModel s = vm.addSeries(SeriesSpec.of("X?", Duration.ofMillis(100)));
        poll("1", "1");
        assertEquals(2, s.failuresProperty().get());
        assertTrue(s.lastProblemProperty().get().contains("not connected"), s.lastProblemProperty().get());
    }

    @Test
    void pauseResumeAndClear() {
        SeriesViewModel s = vm.addSeries(SeriesSpec.of("X?", Duration.ofMillis(100)));
        poll("1");
        vm.pause();
        assertEquals(false, s.runningProperty().get());
        poll("2", "3");
        assertEquals(1, s.valuesProperty().get());
        vm.resume();
        answers.clear();
        poll("4");
        assertEquals(2, s.valuesProperty().get());
        assertEquals(4.0, s.lastProperty().get());
        vm.clear();
        assertEquals(0, s.samples().size());
        assertEquals(0, s.valuesProperty().get());
        assertTrue(Double.isNaN(s.meanProperty().get()));
    }

    @Test
    void zoomFixedFollowingAndAll() {
        vm.addSeries(SeriesSpec.of("X?", Duration.ofMillis(100)));
        poll("1", "2", "3");
        assertNull(vm.visibleRangeProperty().get());
        vm.zoomToLast(Duration.ofMillis(150));
        assertEquals(new TimeRange(T0.plusMillis(150), T0.plusMillis(300)), vm.visibleRangeProperty().get());
        poll("4");
        assertEquals(new TimeRange(T0.plusMillis(250), T0.plusMillis(400)), vm.visibleRangeProperty().get());
        vm.zoom(T0, T0.plusMillis(200));
        poll("5");
        assertEquals(new TimeRange(T0, T0.plusMillis(200)), vm.visibleRangeProperty().get());
        vm.zoomAll();
        assertNull(vm.visibleRangeProperty().get());
        assertThrows(IllegalArgumentException.class, () -> vm.zoom(T0, T0));
    }

    @Test
    void shownStatisticsFollowTheZoomSinceClearOnesDoNot() {
        SeriesViewModel s = vm.addSeries(SeriesSpec.of("X?", Duration.ofMillis(100)));
        poll("1", "5", "3"); // at T0+100, +200, +300
        assertShown(s, 1, 5, 3, 3);
        vm.zoom(T0.plusMillis(150), T0.plusMillis(250));
        assertShown(s, 5, 5, 5, 1);
        assertEquals(1.0, s.minProperty().get(), "since clear: all values");
        assertEquals(3.0, s.meanProperty().get(), 1e-12);
        vm.zoomToLast(Duration.ofMillis(150)); // [T0+150, T0+300]
        assertShown(s, 3, 5, 4, 2);
        poll("9"); // the window slides to [T0+250, T0+400]
        assertShown(s, 3, 9, 6, 2);
        assertEquals(4.5, s.meanProperty().get(), 1e-12);
        vm.zoom(T0.plusSeconds(10), T0.plusSeconds(20));
        assertShown(s, Double.NaN, Double.NaN, Double.NaN, 0);
        vm.zoomAll();
        assertShown(s, 1, 9, 4.5, 4);
        vm.zoom(T0.plusMillis(350), T0.plusMillis(450));
        poll("7"); // at T0+500: outside the fixed zoom
        assertShown(s, 9, 9, 9, 1);
        assertEquals(7.0, s.lastProperty().get());
        vm.clear();
        assertShown(s, Double.NaN, Double.NaN, Double.NaN, 0);
        assertEquals("", s.sinceClearTextProperty().get());
        assertEquals("none", s.problemsTextProperty().get());
    }

    private static void assertShown(SeriesViewModel s, double min, double max, double mean, long n) {
        String what = s.spec().query() + " shown ";
        assertEquals(n, s.shownValuesProperty().get(), what + "values");
        assertEquals(min, s.shownMinProperty().get(), what + "min");
        assertEquals(max, s.shownMaxProperty().get(), what + "max");
        assertEquals(mean, s.shownMeanProperty().get(), 1e-12, what + "mean");
    }

    @Test
    void badUserInputIsRefusedWithTheNumbers() {
        assertNull(vm.addSeries("X?", "30"));
        assertEquals("interval (30 ms) is below the minimum (50 ms)", vm.statusProperty().get());
        assertNull(vm.addSeries("X?", "fast"));
        assertEquals("interval 'fast' is not a whole number of milliseconds", vm.statusProperty().get());
        assertNull(vm.addSeries(" ", "100"));
        assertEquals(0, vm.series().size());
        assertNotNull(vm.addSeries("X?", "50"));
        assertEquals(1, vm.series().size());
    }

    @Test
    void severalSeriesEachPollTheirOwnQuery() {
        vm.setQueryFunction((cmd, t) -> cmd.startsWith("MEAS:VOLT") ? "1.5 V" : "0.25 A");
        SeriesViewModel v = vm.addSeries(SeriesSpec.of("MEAS:VOLT?", Duration.ofMillis(100)));
        SeriesViewModel a = vm.addSeries(SeriesSpec.of("MEAS:CURR?", Duration.ofMillis(200)));
        scheduler.advance(Duration.ofMillis(400));
        assertEquals(4, v.valuesProperty().get());
        assertEquals(2, a.valuesProperty().get());
        assertEquals("A", a.unitProperty().get());
        assertEquals(1.5, v.lastProperty().get());
        vm.removeSeries(a);
        assertEquals(List.of(v), vm.series());
        assertEquals(1, scheduler.active());
    }

    @Test
    void csvExportIsWrittenInTheBackgroundWithEveryRow(@TempDir Path dir) throws Exception {
        vm.addSeries(new SeriesSpec("VDC", "MEAS:VOLT:DC?", Duration.ofMillis(100), Duration.ofSeconds(1)));
        poll("+1.23456E-03 V", "9.9E37", "oops, \"quoted\"");
        Path file = dir.resolve("plot.csv");
        var done = vm.exportCsv(file);
        assertEquals(false, Files.exists(file), "nothing written before the I/O executor runs");
        assertEquals(1, io.runAll());
        assertEquals(file, done.get());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file))).getRecords();
        assertEquals(3, rows.size());
        assertEquals("VDC", rows.get(0).get("series"));
        assertEquals("MEAS:VOLT:DC?", rows.get(0).get("query"));
        assertEquals("2026-12-01T09:00:00.100Z", rows.get(0).get("utc"));
        assertEquals(Long.toString(T0.plusMillis(100).toEpochMilli()), rows.get(0).get("epoch_ms"));
        assertEquals(0.00123456, Double.parseDouble(rows.get(0).get("value")));
        assertEquals("V", rows.get(0).get("unit"));
        assertEquals("OVERFLOW", rows.get(1).get("kind"));
        assertEquals("", rows.get(1).get("value"));
        assertEquals("GARBAGE", rows.get(2).get("kind"));
        assertEquals("oops, \"quoted\"", rows.get(2).get("text"));
        assertEquals("exported 3 samples to " + file, vm.statusProperty().get());
        assertEquals(String.join(",", CsvExporter.HEADER), Files.readAllLines(file).get(0));
    }

    @Test
    void exportToAnUnwritablePlaceIsAStatusNotACrash(@TempDir Path dir) throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        var done = vm.exportCsv(notADir.resolve("plot.csv"));
        io.runAll();
        ExecutionException e = assertThrows(ExecutionException.class, done::get);
        assertNotNull(e.getCause());
        assertTrue(vm.statusProperty().get().startsWith("could not write " + notADir.resolve("plot.csv")),
                vm.statusProperty().get());
    }

    @Test
    void pngExportWritesAReadableImage(@TempDir Path dir) throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path file = dir.resolve("chart.png");
        var done = vm.exportPng(img, file);
        io.runAll();
        done.get();
        java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(file.toFile());
        assertEquals(30, back.getWidth());
        assertEquals(20, back.getHeight());
    }
}
