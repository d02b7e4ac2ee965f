package org.streamframer.app.frames;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.streamframer.app.ui.Icons;

/** The raw byte stream in hex, one frame a line as the rule cut it. Builds and binds only. */
public final class RawView {

    private final RawViewModel vm;
    private final BorderPane root = new BorderPane();

    public RawView(RawViewModel vm) {
        this.vm = vm;
        createView();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        Button refresh = new Button("Capture", Icons.of(MaterialDesignR.REFRESH));
        refresh.setId("raw-refresh");
        refresh.setOnAction(e -> vm.refresh());
        Label summary = new Label();
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Label legend = new Label("One line per frame · [bracketed] bytes were consumed by the rule but not delivered");
        legend.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox bar = new HBox(10, refresh, summary, legend);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setStyle("-fx-padding: 6px;");
        TextArea text = new TextArea();
        text.setId("raw-text");
        text.getStyleClass().add("raw-text");
        text.setEditable(false);
        text.setPromptText("Press Capture to see the last received bytes as the current rule frames them.");
        text.textProperty().bind(vm.textProperty());
        root.setTop(bar);
        root.setCenter(text);
    }
}
