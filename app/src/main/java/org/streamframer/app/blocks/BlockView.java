package org.streamframer.app.blocks;

import java.io.File;
import java.nio.ByteOrder;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The binary block viewer: header and length on top, then tabs: Hex (offsets, bytes, ASCII),
 * Image (when the data is one) and Waveform (after a sample format is picked). Only builds
 * nodes and binds to {@link BlockViewModel}.
 */
public final class BlockView extends BorderPane {

    private final BlockViewModel vm;
    private final ListView<String> hex = new ListView<>();
    private final ImageView imageView = new ImageView();
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final XYChart.Series<Number, Number> trace = new XYChart.Series<>();
    private final TabPane tabs = new TabPane();
    private final Tab hexTab = new Tab("Hex");
    private final Tab imageTab = new Tab("Image");
    private final Tab waveTab = new Tab("Waveform");

    public BlockView(BlockViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    /** The waveform chart (for tests). */
    public LineChart<Number, Number> chart() {
        return chart;
    }

    private void createView() {
        setId("block-view");
        Label title = new Label();
        title.setId("block-title");
        title.setStyle("-fx-font-weight: bold;");
        title.textProperty().bind(Bindings.format("%s  (block %d of %d, %d bytes)", vm.titleProperty(),
                vm.blockIndexProperty().add(1), vm.blockCountProperty(), vm.lengthProperty()));
        Label header = new Label();
        header.setId("block-header");
        header.textProperty().bind(vm.headerProperty());

        Button save = new Button("Save raw bytes...");
        save.setId("block-save");
        save.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(vm.imageKindProperty().get() == null ? "block.bin"
                    : "block." + vm.imageKindProperty().get().name().toLowerCase(java.util.Locale.ROOT));
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.saveRaw(f.toPath());
            }
        });
        ComboBox<SampleFormat> format = new ComboBox<>(FXCollections.observableArrayList(SampleFormat.values()));
        format.setId("block-format");
        format.setPromptText("sample format");
        format.valueProperty().bindBidirectional(vm.sampleFormatProperty());
        ComboBox<ByteOrder> order = new ComboBox<>(
                FXCollections.observableArrayList(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN));
        order.setId("block-order");
        order.setConverter(new StringConverter<>() {
            @Override
            public String toString(ByteOrder o) {
                return o == null ? "" : o == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
            }

            @Override
            public ByteOrder fromString(String s) {
                return "big-endian".equals(s) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            }
        });
        order.valueProperty().bindBidirectional(vm.byteOrderProperty());
        Label status = new Label();
        status.setId("block-status");
        status.textProperty().bind(vm.statusProperty());
        ToolBar bar = new ToolBar(save, new Label("Read as"), format, order, status);
        VBox top = new VBox(4, title, header, bar);
        top.setPadding(new Insets(6));

        hex.setId("block-hex");
        hex.setStyle("-fx-font-family: monospace;");
        hex.setFixedCellSize(22); // rows of one height: scrolling a multi-MB dump stays cheap
        hexTab.setContent(hex);

        imageView.setId("block-image");
        imageView.setPreserveRatio(true);
        Label imageStatus = new Label();
        imageStatus.setId("block-image-status");
        imageStatus.textProperty().bind(vm.imageStatusProperty());
        imageStatus.setPadding(new Insets(4, 6, 4, 6));
        BorderPane imagePane = new BorderPane(new ScrollPane(imageView));
        imagePane.setTop(imageStatus);
        imageTab.setContent(imagePane);

        chart.setId("block-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        xAxis.setLabel("sample");
        xAxis.setForceZeroInRange(false);
        yAxis.setForceZeroInRange(false);
        chart.getData().add(trace);
        Label waveSummary = new Label();
        waveSummary.setId("block-wave-summary");
        waveSummary.textProperty().bind(vm.waveformSummaryProperty());
        waveSummary.setPadding(new Insets(4, 6, 4, 6));
        BorderPane wavePane = new BorderPane(chart);
        wavePane.setTop(waveSummary);
        waveTab.setContent(wavePane);

        imageTab.disableProperty().bind(vm.imageKindProperty().isNull());
        for (Tab t : new Tab[] {hexTab, imageTab, waveTab}) {
            t.setClosable(false);
        }
        tabs.setId("block-tabs");
        tabs.getTabs().addAll(hexTab, imageTab, waveTab);
        setTop(top);
        setCenter(tabs);
        showHex(vm.hexDumpProperty().get());
        showImage(vm.imageProperty().get());
        showWaveform(vm.waveformPointsProperty().get());
    }

    private void initListeners() {
        vm.hexDumpProperty().addListener((o, was, now) -> showHex(now));
        vm.imageProperty().addListener((o, was, now) -> showImage(now));
        vm.imageKindProperty().addListener((o, was, now) -> leaveDisabledImageTab(now));
        vm.waveformPointsProperty().addListener((o, was, now) -> showWaveform(now));
    }

    private void showHex(javafx.collections.ObservableList<String> lines) {
        hex.setItems(lines);
    }

    private void showImage(java.awt.image.BufferedImage img) {
        imageView.setImage(img == null ? null : SwingFXUtils.toFXImage(img, null));
        if (img != null) {
            tabs.getSelectionModel().select(imageTab);
        }
    }

    /** A block that is no image: off the (now disabled) Image tab, to the waveform if one is read, else hex. */
    private void leaveDisabledImageTab(ImageKind kind) {
        if (kind == null && tabs.getSelectionModel().getSelectedItem() == imageTab) {
            tabs.getSelectionModel().select(vm.waveformPointsProperty().get() != null ? waveTab : hexTab);
        }
    }

    private void showWaveform(double[] xy) {
        if (xy == null) {
            trace.getData().clear();
            return;
        }
        java.util.List<XYChart.Data<Number, Number>> points = new java.util.ArrayList<>(xy.length / 2);
        for (int i = 0; i < xy.length; i += 2) {
            points.add(new XYChart.Data<>(xy[i], xy[i + 1]));
        }
        trace.getData().setAll(points);
        tabs.getSelectionModel().select(waveTab);
    }
}
