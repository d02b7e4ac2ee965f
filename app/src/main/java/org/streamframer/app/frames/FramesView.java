package org.streamframer.app.frames;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.streamframer.app.ui.Icons;
import org.streamframer.framing.reader.Direction;

/** The live frames: toolbar, the virtualized table and the detail dump. Builds and binds only. */
public final class FramesView {

    private final FramesViewModel vm;
    private final BorderPane root = new BorderPane();
    private boolean scrollPending;
    private final TableView<FrameRow> table = new TableView<>();

    public FramesView(FramesViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    /** The table (for the window's shortcuts and tests). */
    public TableView<FrameRow> table() {
        return table;
    }

    private void createView() {
        table.setId("frames-table");
        table.getStyleClass().addAll("frames-table", Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.itemsProperty().bind(vm.shownProperty());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // fixed row height: the virtual flow then never measures rows to place or scroll, which
        // keeps a batch of thousands of new rows (and the scroll to the newest) cheap
        table.setFixedCellSize(22);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No frames yet. Connect, then send a command or start a stream."));

        TableColumn<FrameRow, Long> seq = new TableColumn<>("#");
        seq.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sequence() < 0 ? null : c.getValue().sequence()));
        seq.setMinWidth(60);
        seq.setPrefWidth(76);
        seq.setMaxWidth(110);
        TableColumn<FrameRow, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(FramesViewModel.time(c.getValue().time())));
        time.setMinWidth(104);
        time.setPrefWidth(108);
        time.setMaxWidth(130);
        TableColumn<FrameRow, Direction> dir = new TableColumn<>("Dir");
        dir.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().direction()));
        dir.setCellFactory(c -> new DirCell());
        dir.setPrefWidth(56);
        dir.setMinWidth(50);
        dir.setMaxWidth(70);
        TableColumn<FrameRow, Integer> len = new TableColumn<>("Len");
        len.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().length()));
        len.setMinWidth(60);
        len.setPrefWidth(66);
        len.setMaxWidth(90);
        len.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<FrameRow, String> content = new TableColumn<>("Content");
        content.setId("content-column");
        content.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().content(vm.formatProperty().get())));
        content.setPrefWidth(600);
        for (TableColumn<FrameRow, ?> col : List.of(seq, time, dir, len, content)) {
            col.setSortable(false);
        }
        table.getColumns().setAll(List.of(seq, time, dir, len, content));
        table.setRowFactory(t -> new KindRow());

        ToggleGroup formats = new ToggleGroup();
        ToggleButton text = new ToggleButton("Text");
        text.setId("format-text");
        ToggleButton hex = new ToggleButton("Hex");
        hex.setId("format-hex");
        text.setToggleGroup(formats);
        hex.setToggleGroup(formats);
        text.getStyleClass().add(Styles.LEFT_PILL);
        hex.getStyleClass().add(Styles.RIGHT_PILL);
        text.setSelected(vm.formatProperty().get() == ContentFormat.TEXT);
        hex.setSelected(vm.formatProperty().get() == ContentFormat.HEX);
        text.setOnAction(e -> vm.formatProperty().set(ContentFormat.TEXT));
        hex.setOnAction(e -> vm.formatProperty().set(ContentFormat.HEX));
        vm.formatProperty().addListener((o, a, b) -> {
            text.setSelected(b == ContentFormat.TEXT);
            hex.setSelected(b == ContentFormat.HEX);
        });

        CustomTextField filter = new CustomTextField();
        filter.setId("frame-filter");
        filter.setPromptText("Filter frames");
        filter.setLeft(Icons.of(MaterialDesignM.MAGNIFY));
        filter.setPrefColumnCount(18);
        filter.textProperty().bindBidirectional(vm.filterProperty());

        ToggleButton follow = new ToggleButton(null, Icons.of(MaterialDesignA.ARROW_COLLAPSE_DOWN));
        follow.setId("auto-scroll");
        follow.setTooltip(new Tooltip("Follow the newest frame (pauses when you scroll up)"));
        follow.selectedProperty().bindBidirectional(vm.autoScrollProperty());
        Button copyText = new Button(null, Icons.of(MaterialDesignC.CONTENT_COPY));
        copyText.setTooltip(new Tooltip("Copy the selected frames"));
        copyText.setOnAction(e -> copy(vm.copy(table.getSelectionModel().getSelectedItems())));
        Button clear = new Button(null, Icons.of(MaterialDesignD.DELETE_SWEEP_OUTLINE));
        clear.setId("clear-frames");
        clear.setTooltip(new Tooltip("Clear the table (Ctrl+L)"));
        clear.setOnAction(e -> vm.clear());
        for (javafx.scene.control.ButtonBase b : List.of(follow, copyText, clear)) {
            b.getStyleClass().add(Styles.BUTTON_ICON);
        }
        Label dropped = new Label();
        dropped.setId("dropped");
        dropped.getStyleClass().add("dropped-note");
        dropped.textProperty().bind(vm.droppedTextProperty());
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(vm.shownCountTextProperty());
        HBox bar = new HBox(6, new HBox(text, hex), filter, follow, copyText, clear, new Spacer(), dropped, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setStyle("-fx-padding: 6px;");

        TextArea detail = new TextArea();
        detail.setId("frame-detail");
        detail.getStyleClass().add("hex-dump");
        detail.setEditable(false);
        detail.setPromptText("Select a frame to see its bytes");
        detail.textProperty().bind(vm.detailProperty());

        ContextMenu menu = new ContextMenu();
        MenuItem asText = new MenuItem("Copy as text");
        asText.setOnAction(e -> copy(vm.copyAs(table.getSelectionModel().getSelectedItems(), ContentFormat.TEXT)));
        MenuItem asHex = new MenuItem("Copy as hex");
        asHex.setOnAction(e -> copy(vm.copyAs(table.getSelectionModel().getSelectedItems(), ContentFormat.HEX)));
        MenuItem viewBlock = new MenuItem("Open in block viewer");
        viewBlock.setId("frames-view-block");
        viewBlock.setOnAction(e -> vm.openBlock(table.getSelectionModel().getSelectedItem()));
        menu.setOnShowing(e -> viewBlock.setDisable(!vm.hasBlock(table.getSelectionModel().getSelectedItem())));
        menu.getItems().addAll(asText, asHex, new javafx.scene.control.SeparatorMenuItem(), viewBlock);
        table.setContextMenu(menu);

        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(detail, false);
        root.setTop(bar);
        root.setCenter(split);
        HBox.setHgrow(filter, Priority.SOMETIMES);
    }

    private void initListeners() {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.formatProperty().addListener((o, a, b) -> table.refresh());
        vm.allRows().addListener((ListChangeListener<FrameRow>) c -> scrollToNewestSoon());
        table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> vm.pauseAutoScroll());
        table.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                vm.pauseAutoScroll();
            }
        });
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.HOME) {
                vm.pauseAutoScroll();
            }
        });
    }

    /**
     * Follows the newest row once the table has taken the batch in (scrolling from inside the
     * change notification scrolled to where the last row was before it: a batch behind). At
     * most one pending.
     */
    private void scrollToNewestSoon() {
        if (scrollPending || !vm.autoScrollProperty().get()) {
            return;
        }
        scrollPending = true;
        javafx.application.Platform.runLater(this::scrollToNewest);
    }

    private void scrollToNewest() {
        scrollPending = false;
        if (vm.autoScrollProperty().get() && !table.getItems().isEmpty()) {
            // one past the last row: the flow goes straight to its end (position 1), so the
            // newest row is fully in view; scrollTo(last) would put the last row at the top
            // through VirtualFlow's walk over its size cache of every row held, which under a
            // flood with 100,000 rows was most of the FX thread's time (BENCHMARKS.md)
            table.scrollTo(table.getItems().size());
        }
    }

    private void openOnDoubleClick(javafx.scene.input.MouseEvent e, FrameRow r) {
        if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2 && r != null) {
            vm.openBlock(r);
        }
    }

    private static void copy(String s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
    }

    private static final class DirCell extends TableCell<FrameRow, Direction> {
        @Override
        protected void updateItem(Direction d, boolean empty) {
            super.updateItem(d, empty);
            getStyleClass().removeAll("rx-cell", "tx-cell");
            if (empty || d == null) {
                setText(null);
                return;
            }
            setText(d.name());
            getStyleClass().add(d == Direction.RX ? "rx-cell" : "tx-cell");
        }
    }

    private final class KindRow extends TableRow<FrameRow> {
        KindRow() {
            setOnMouseClicked(e -> openOnDoubleClick(e, getItem()));
        }

        @Override
        protected void updateItem(FrameRow r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("error-row", "control-row", "tx-row");
            if (empty || r == null) {
                return;
            }
            switch (r.kind()) {
                case ERROR -> getStyleClass().add("error-row");
                case CONTROL -> getStyleClass().add("control-row");
                default -> {
                    if (r.direction() == Direction.TX) {
                        getStyleClass().add("tx-row");
                    }
                }
            }
        }
    }
}
