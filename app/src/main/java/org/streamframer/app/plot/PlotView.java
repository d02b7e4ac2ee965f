package org.streamframer.app.plot;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The Plot tab: a toolbar (query, interval, add, pause/resume, clear, zoom, export), a live
 * line chart against wall-clock time (drag across it to zoom) and a table of the series
 * with their statistics and counters. Only builds nodes and binds to {@link PlotViewModel}.
 */
public final class PlotView extends BorderPane {

    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter TICK_TENTHS = DateTimeFormatter.ofPattern("HH:mm:ss.S");
    private static final DateTimeFormatter TICK_MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PlotViewModel vm;
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final Map<SeriesViewModel, XYChart.Series<Number, Number>> chartSeries = new IdentityHashMap<>();
    private final TextField query = new TextField("MEAS:VOLT:DC?");
    private final TextField interval = new TextField("500");
    private final Rectangle dragBox = new Rectangle();
    private double dragStartX = Double.NaN;

    public PlotView(PlotViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    /** The chart (for tests). */
    public LineChart<Number, Number> chart() {
        return chart;
    }

    /** Snapshots the chart (FX thread, as JavaFX requires) and has the view model write it as PNG in the background. */
    public java.util.concurrent.CompletableFuture<java.nio.file.Path> exportPng(java.nio.file.Path file) {
        return vm.exportPng(SwingFXUtils.fromFXImage(chart.snapshot(null, null), null), file);
    }

    private void createView() {
        setId("plot-view");
        query.setId("plot-query");
        query.setPrefColumnCount(13);
        interval.setId("plot-interval");
        interval.setPrefColumnCount(5);
        interval.setTooltip(new Tooltip("interval in ms (at least " + SeriesSpec.MIN_INTERVAL.toMillis() + ")"));

        Button add = new Button("Add series");
        add.setId("plot-add");
        add.setOnAction(e -> vm.addSeries(query.getText(), interval.getText()));
        query.setOnAction(e -> vm.addSeries(query.getText(), interval.getText()));
        interval.setOnAction(e -> vm.addSeries(query.getText(), interval.getText()));

        Button pause = new Button();
        pause.setId("plot-pause");
        pause.textProperty().bind(Bindings.when(vm.runningProperty()).then("Pause").otherwise("Resume"));
        pause.setOnAction(e -> {
            if (vm.runningProperty().get()) {
                vm.pause();
            } else {
                vm.resume();
            }
        });
        Button clear = new Button("Clear");
        clear.setId("plot-clear");
        clear.setOnAction(e -> vm.clear());

        ComboBox<String> zoom = new ComboBox<>();
        zoom.setId("plot-zoom");
        zoom.getItems().addAll("All", "Last 10 s", "Last 1 min", "Last 10 min");
        zoom.getSelectionModel().select(0);
        zoom.setOnAction(e -> {
            switch (zoom.getSelectionModel().getSelectedIndex()) {
                case 1 -> vm.zoomToLast(Duration.ofSeconds(10));
                case 2 -> vm.zoomToLast(Duration.ofMinutes(1));
                case 3 -> vm.zoomToLast(Duration.ofMinutes(10));
                default -> vm.zoomAll();
            }
        });
        zoom.setTooltip(new Tooltip("or drag across the chart to zoom to a time range"));

        javafx.scene.control.MenuItem csv = new javafx.scene.control.MenuItem("Series as CSV...");
        csv.setId("plot-export-csv");
        csv.setOnAction(e -> choose("plot.csv", "CSV", "*.csv", f -> vm.exportCsv(f.toPath())));
        javafx.scene.control.MenuItem png = new javafx.scene.control.MenuItem("Chart as PNG...");
        png.setId("plot-export-png");
        png.setOnAction(e -> choose("plot.png", "PNG image", "*.png", f -> exportPng(f.toPath())));
        // one button: the tool bar fits beside the side panel without hiding it behind an overflow arrow
        javafx.scene.control.MenuButton export = new javafx.scene.control.MenuButton("Export", null, csv, png);
        export.setId("plot-export");

        ToolBar bar = new ToolBar(new Label("Query"), query, new Label("every"), interval, new Label("ms"), add,
                pause, clear, new Label("Zoom"), zoom, export);

        chart.setId("plot-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        xAxis.setForceZeroInRange(false);
        xAxis.setAutoRanging(true);
        xAxis.setLabel("time");
        yAxis.setForceZeroInRange(false);
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double unit = xAxis.getTickUnit();
                DateTimeFormatter f = unit >= 1000 ? TICK : unit >= 100 ? TICK_TENTHS : TICK_MILLIS;
                return LocalTime.ofInstant(Instant.ofEpochMilli(n.longValue()), ZoneId.systemDefault()).format(f);
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("tick labels are not parsed");
            }
        });
        dragBox.setManaged(false);
        dragBox.setVisible(false);
        dragBox.setStyle("-fx-fill: rgba(80,120,200,0.2); -fx-stroke: rgb(80,120,200);");
        Pane overlay = new Pane(dragBox);
        overlay.setMouseTransparent(true);
        StackPane chartPane = new StackPane(chart, overlay);

        TableView<SeriesViewModel> table = new TableView<>(vm.series());
        table.setId("plot-table");
        table.setPrefHeight(120);
        table.setMinHeight(60);
        // columns as wide as their contents need (a scroll bar when the tab is narrow), never cut to "Since ..."
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No series yet: type a query and an interval above, then Add series"));
        TableColumn<SeriesViewModel, Boolean> shown = new TableColumn<>("Show");
        shown.setCellValueFactory(c -> c.getValue().visibleProperty());
        shown.setCellFactory(javafx.scene.control.cell.CheckBoxTableCell.forTableColumn(shown));
        shown.setEditable(true);
        shown.setMaxWidth(70);
        shown.setMinWidth(60);
        table.setEditable(true);
        table.getColumns().add(shown);
        table.getColumns().add(column("Series", s -> s.spec().name() + "  every " + s.spec().interval().toMillis()
                + " ms"));
        table.getColumns().add(numberColumn("Last", SeriesViewModel::lastProperty));
        TableColumn<SeriesViewModel, String> unit = new TableColumn<>("Unit");
        unit.setCellValueFactory(c -> c.getValue().unitProperty());
        unit.setMaxWidth(60);
        table.getColumns().add(unit);
        table.getColumns().add(withTip(numberColumn("Min", SeriesViewModel::shownMinProperty), "over the time range shown"));
        table.getColumns().add(withTip(numberColumn("Max", SeriesViewModel::shownMaxProperty), "over the time range shown"));
        table.getColumns().add(withTip(numberColumn("Mean", SeriesViewModel::shownMeanProperty),
                "over the time range shown"));
        table.getColumns().add(withTip(countColumn("Since clear", SeriesViewModel::sinceClearTextProperty),
                "min to max and mean of every value since Clear, also those no longer held"));
        TableColumn<SeriesViewModel, String> valueCount = countColumn("Values", s -> s.valuesProperty().asString());
        valueCount.setMaxWidth(70);
        table.getColumns().add(valueCount);
        table.getColumns().add(countColumn("Not plotted", SeriesViewModel::problemsTextProperty));
        TableColumn<SeriesViewModel, String> problem = new TableColumn<>("Last problem");
        problem.setCellValueFactory(c -> c.getValue().lastProblemProperty());
        table.getColumns().add(problem);
        double[] widths = {60, 230, 100, 50, 100, 100, 100, 270, 65, 150, 260};
        for (int i = 0; i < widths.length && i < table.getColumns().size(); i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
        }
        Button remove = new Button("Remove series");
        remove.setId("plot-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeSeries(table.getSelectionModel().getSelectedItem()));

        Label status = new Label();
        status.setId("plot-status");
        status.textProperty().bind(vm.statusProperty());
        VBox bottom = new VBox(4, table, new ToolBar(remove, status));
        bottom.setPadding(new Insets(0, 4, 4, 4));

        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(chartPane, bottom);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        bottom.setMinHeight(130);
        javafx.scene.control.SplitPane.setResizableWithParent(bottom, false);
        setTop(bar);
        setCenter(split);
        vm.series().forEach(this::addChartSeries);
        applyRange(vm.visibleRangeProperty().get());
    }

    private void initListeners() {
        vm.series().addListener((ListChangeListener<SeriesViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(s -> chart.getData().remove(chartSeries.remove(s)));
                c.getAddedSubList().forEach(this::addChartSeries);
            }
        });
        vm.visibleRangeProperty().addListener((o, was, now) -> applyRange(now));
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, this::dragStart);
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragMove);
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, this::dragEnd);
    }

    private void addChartSeries(SeriesViewModel s) {
        XYChart.Series<Number, Number> cs = new XYChart.Series<>();
        cs.setName(s.spec().name());
        s.samples().stream().filter(Sample::plotted).forEach(x -> cs.getData().add(point(x)));
        s.samples().addListener((ListChangeListener<Sample>) c -> {
            while (c.next()) {
                if (s.samples().isEmpty()) {
                    cs.getData().clear();
                    continue;
                }
                // SeriesViewModel only removes from the head (cap) and appends at the tail
                long removedPlotted = c.getRemoved().stream().filter(Sample::plotted).count();
                if (removedPlotted > 0) {
                    cs.getData().remove(0, (int) Math.min(removedPlotted, cs.getData().size()));
                }
                c.getAddedSubList().stream().filter(Sample::plotted).forEach(x -> cs.getData().add(point(x)));
            }
        });
        chartSeries.put(s, cs);
        if (s.visibleProperty().get()) {
            chart.getData().add(cs);
        }
        s.visibleProperty().addListener((o, was, now) -> {
            if (now) {
                chart.getData().add(cs);
            } else {
                chart.getData().remove(cs);
            }
        });
    }

    private static XYChart.Data<Number, Number> point(Sample s) {
        return new XYChart.Data<>(s.time().toEpochMilli(), s.value());
    }

    private void applyRange(TimeRange r) {
        if (r == null) {
            xAxis.setAutoRanging(true);
            return;
        }
        xAxis.setAutoRanging(false);
        double lo = r.from().toEpochMilli();
        double hi = r.to().toEpochMilli();
        xAxis.setLowerBound(lo);
        xAxis.setUpperBound(hi);
        xAxis.setTickUnit(Math.max(1, (hi - lo) / 8));
    }

    private void dragStart(MouseEvent e) {
        dragStartX = e.getSceneX();
        Point2D p = ((Pane) dragBox.getParent()).sceneToLocal(e.getSceneX(), e.getSceneY());
        dragBox.setX(p.getX());
        dragBox.setY(0);
        dragBox.setWidth(0);
        dragBox.setHeight(((Pane) dragBox.getParent()).getHeight());
        dragBox.setVisible(true);
    }

    private void dragMove(MouseEvent e) {
        if (Double.isNaN(dragStartX)) {
            return;
        }
        Pane overlay = (Pane) dragBox.getParent();
        double a = overlay.sceneToLocal(dragStartX, e.getSceneY()).getX();
        double b = overlay.sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
        dragBox.setX(Math.min(a, b));
        dragBox.setWidth(Math.abs(b - a));
    }

    private void dragEnd(MouseEvent e) {
        dragBox.setVisible(false);
        if (Double.isNaN(dragStartX)) {
            return;
        }
        double startX = dragStartX;
        dragStartX = Double.NaN;
        if (Math.abs(e.getSceneX() - startX) < 5) {
            return; // a click, not a drag
        }
        double a = axisValue(startX, e.getSceneY());
        double b = axisValue(e.getSceneX(), e.getSceneY());
        vm.zoom(Instant.ofEpochMilli((long) Math.min(a, b)), Instant.ofEpochMilli((long) Math.max(a, b) + 1));
    }

    private double axisValue(double sceneX, double sceneY) {
        return xAxis.getValueForDisplay(xAxis.sceneToLocal(sceneX, sceneY).getX()).doubleValue();
    }

    private void choose(String initialName, String description, String pattern, java.util.function.Consumer<File> then) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(initialName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            then.accept(f);
        }
    }

    private static TableColumn<SeriesViewModel, String> column(String title,
                                                               java.util.function.Function<SeriesViewModel, String> f) {
        TableColumn<SeriesViewModel, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    private static TableColumn<SeriesViewModel, String> numberColumn(String title,
            java.util.function.Function<SeriesViewModel, javafx.beans.value.ObservableDoubleValue> f) {
        TableColumn<SeriesViewModel, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> {
            javafx.beans.value.ObservableDoubleValue v = f.apply(d.getValue());
            return Bindings.createStringBinding(() -> SeriesViewModel.number(v.get()), v);
        });
        return c;
    }

    private static TableColumn<SeriesViewModel, String> withTip(TableColumn<SeriesViewModel, String> c, String tip) {
        Label header = new Label(c.getText());
        header.setTooltip(new Tooltip(tip));
        c.setGraphic(header);
        c.setText(null);
        return c;
    }

    private static TableColumn<SeriesViewModel, String> countColumn(String title,
            java.util.function.Function<SeriesViewModel, javafx.beans.value.ObservableValue<String>> f) {
        TableColumn<SeriesViewModel, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> f.apply(d.getValue()));
        return c;
    }
}
