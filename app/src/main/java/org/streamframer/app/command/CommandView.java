package org.streamframer.app.command;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.streamframer.app.frames.FramesViewModel;
import org.streamframer.app.ui.Icons;
import org.streamframer.framing.scpi.Terminator;

/** The command console: common-command buttons, transcript, favourites, the command line. Builds and binds only. */
public final class CommandView {

    private final CommandViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TextField field = new TextField();
    private final ListView<TranscriptEntry> transcript = new ListView<>();

    public CommandView(CommandViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    /** The command line (focused by Ctrl+E). */
    public TextField field() {
        return field;
    }

    private void createView() {
        HBox common = new HBox(4);
        common.getStyleClass().add("common-buttons");
        for (String c : ScpiVocabulary.COMMON_BUTTONS) {
            Button b = new Button(c);
            b.getStyleClass().add(Styles.SMALL);
            b.setId("common-" + c.replaceAll("[^A-Za-z]", ""));
            b.setOnAction(e -> vm.send(c));
            common.getChildren().add(b);
        }
        ComboBox<CommandMode> mode = new ComboBox<>(FXCollections.observableArrayList(CommandMode.values()));
        mode.setId("command-mode");
        mode.setTooltip(new Tooltip("Auto: commands ending in ? are queries (wait for the answer), others are written"));
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        ComboBox<Terminator> term = new ComboBox<>(FXCollections.observableArrayList(Terminator.values()));
        term.setId("command-terminator");
        term.setTooltip(new Tooltip("Terminator appended to each command"));
        term.valueProperty().bindBidirectional(vm.terminatorProperty());
        Button clear = new Button(null, Icons.of(MaterialDesignD.DELETE_SWEEP_OUTLINE));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setTooltip(new Tooltip("Clear the transcript"));
        clear.setOnAction(e -> vm.clearTranscript());
        HBox top = new HBox(6, common, new Spacer(), new Label("Mode"), mode, new Label("Term"), term, clear);
        top.setAlignment(Pos.CENTER_LEFT);

        transcript.setId("transcript");
        transcript.getStyleClass().addAll("transcript", Styles.DENSE);
        transcript.setItems(vm.transcript());
        transcript.setCellFactory(l -> new EntryCell());
        transcript.setOnMouseClicked(e -> openOnDoubleClick(e));
        transcript.setPlaceholder(new Label("Answers appear here. Type a command below and press Enter."));

        ListView<Favorite> favorites = new ListView<>(vm.favorites());
        favorites.setId("favorites");
        favorites.getStyleClass().add(Styles.DENSE);
        favorites.setCellFactory(l -> new FavoriteCell());
        favorites.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && favorites.getSelectionModel().getSelectedItem() != null) {
                vm.send(favorites.getSelectionModel().getSelectedItem().command());
            }
        });
        favorites.setPlaceholder(new Label("No favourites"));
        ContextMenu favMenu = new ContextMenu();
        MenuItem rename = new MenuItem("Edit…");
        rename.setOnAction(e -> edit(favorites.getSelectionModel().getSelectedIndex()));
        MenuItem remove = new MenuItem("Remove");
        remove.setOnAction(e -> vm.removeFavorite(favorites.getSelectionModel().getSelectedItem()));
        favMenu.getItems().addAll(rename, remove);
        favorites.setContextMenu(favMenu);
        Button addFav = new Button("Add", Icons.of(MaterialDesignS.STAR_PLUS_OUTLINE));
        addFav.getStyleClass().add(Styles.SMALL);
        addFav.setTooltip(new Tooltip("Add the command in the field as a favourite"));
        addFav.setOnAction(e -> vm.addFavorite(null, field.getText()));
        Label favTitle = new Label("Favourites");
        favTitle.getStyleClass().add(Styles.TEXT_BOLDER);
        Label favHint = new Label("double-click sends");
        favHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox favBox = new VBox(4, new HBox(6, favTitle, new Spacer(), addFav), favorites, favHint);
        VBox.setVgrow(favorites, Priority.ALWAYS);
        favBox.setMinWidth(160);

        SplitPane middle = new SplitPane(transcript, favBox);
        middle.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(favBox, false);

        field.setId("command-field");
        field.getStyleClass().add("command-field");
        field.setPromptText("SCPI command, e.g. MEAS:VOLT:DC?   (Enter sends, Up/Down history)");
        field.textProperty().bindBidirectional(vm.commandProperty());
        field.setOnAction(e -> vm.send());
        Button send = new Button("Send", Icons.of(MaterialDesignS.SEND));
        send.setId("send");
        send.getStyleClass().add(Styles.ACCENT);
        send.setOnAction(e -> vm.send());
        Label busy = new Label(null, Icons.of(MaterialDesignP.PROGRESS_CLOCK));
        busy.setTooltip(new Tooltip("Waiting for the answer"));
        busy.visibleProperty().bind(vm.busyProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox bottom = new HBox(6, field, busy, send);
        bottom.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(6, top, middle, bottom);
        VBox.setVgrow(middle, Priority.ALWAYS);
        box.getStyleClass().add("console-pane");
        root.setCenter(box);
    }

    private void initListeners() {
        AutoCompletionBinding<String> completion = TextFields.bindAutoCompletion(field,
                request -> vm.suggestions(request.getUserText()));
        completion.setVisibleRowCount(8);
        javafx.stage.PopupWindow popup = completion.getAutoCompletionPopup();
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (popup.isShowing()) {
                return;
            }
            if (e.getCode() == KeyCode.UP) {
                vm.historyUp();
                Platform.runLater(popup::hide);
                field.end();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                vm.historyDown();
                Platform.runLater(popup::hide);
                field.end();
                e.consume();
            }
        });
        vm.transcript().addListener((javafx.collections.ListChangeListener<TranscriptEntry>) c -> {
            if (!vm.transcript().isEmpty()) {
                transcript.scrollTo(vm.transcript().size() - 1);
            }
        });
    }

    private void openOnDoubleClick(javafx.scene.input.MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            vm.openBlock(transcript.getSelectionModel().getSelectedItem());
        }
    }

    private void edit(int index) {
        if (index < 0) {
            return;
        }
        Favorite f = vm.favorites().get(index);
        TextInputDialog name = new TextInputDialog(f.name());
        name.setTitle("Edit favourite");
        name.setHeaderText("Name shown in the list");
        name.initOwner(root.getScene().getWindow());
        name.showAndWait().ifPresent(n -> {
            TextInputDialog cmd = new TextInputDialog(f.command());
            cmd.setTitle("Edit favourite");
            cmd.setHeaderText("Command sent");
            cmd.initOwner(root.getScene().getWindow());
            cmd.showAndWait().ifPresent(c -> vm.editFavorite(index, n, c));
        });
    }

    private final class EntryCell extends ListCell<TranscriptEntry> {
        @Override
        protected void updateItem(TranscriptEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Text time = new Text(FramesViewModel.time(e.time()) + "  ");
            time.getStyleClass().addAll("rtt", "text");
            Text cmd = new Text("> " + e.command());
            cmd.getStyleClass().addAll("cmd", "text");
            Text answer;
            Text rtt = new Text("");
            rtt.getStyleClass().addAll("rtt", "text");
            switch (e.outcome()) {
                case ANSWERED -> {
                    answer = new Text("   " + e.answer());
                    answer.getStyleClass().addAll("answer", "text");
                    rtt.setText("   " + e.roundTripText());
                }
                case PENDING -> {
                    answer = new Text("   …");
                    answer.getStyleClass().addAll("rtt", "text");
                }
                case WRITTEN -> {
                    answer = new Text("   (written)");
                    answer.getStyleClass().addAll("rtt", "text");
                }
                case TIMED_OUT -> {
                    answer = new Text("   timeout: " + e.answer());
                    answer.getStyleClass().addAll("timeout", "text");
                }
                default -> {
                    answer = new Text("   failed: " + e.answer());
                    answer.getStyleClass().addAll("failed", "text");
                }
            }
            setText(null);
            TextFlow line = new TextFlow(time, cmd, answer, rtt);
            if (e.hasBlock()) {
                javafx.scene.control.Hyperlink view = new javafx.scene.control.Hyperlink("view block");
                view.getStyleClass().add("view-block");
                view.setTooltip(new Tooltip("Open this answer in the block viewer (or double-click the line)"));
                view.setFocusTraversable(false);
                view.setOnAction(x -> vm.openBlock(e));
                line.getChildren().addAll(new Text("   "), view);
            }
            setGraphic(line);
        }
    }

    private static final class FavoriteCell extends ListCell<Favorite> {
        @Override
        protected void updateItem(Favorite f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(f.name().equals(f.command()) ? f.command() : f.name() + "  ·  " + f.command());
            setTooltip(new Tooltip(f.command()));
        }
    }
}
