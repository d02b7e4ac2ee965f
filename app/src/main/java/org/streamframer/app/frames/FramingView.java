package org.streamframer.app.frames;

import static org.streamframer.app.ui.Forms.grow;
import static org.streamframer.app.ui.Forms.row;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.streamframer.app.ui.FieldErrors;
import org.streamframer.app.ui.Icons;

/** The framing panel: preset picker, the preset's parameters (validated as typed), Apply, Detect. */
public final class FramingView {

    private final FramingViewModel vm;
    private final DetectViewModel detect;
    private final VBox root = new VBox(6);

    public FramingView(FramingViewModel vm, DetectViewModel detect) {
        this.vm = vm;
        this.detect = detect;
        createView();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        Label title = new Label("Framing");
        title.getStyleClass().add("section-title");
        ComboBox<RuleKind> kind = new ComboBox<>(FXCollections.observableArrayList(RuleKind.values()));
        kind.setId("rule-kind");
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.setVisibleRowCount(12);
        kind.valueProperty().bindBidirectional(vm.kindProperty());

        ComboBox<String> scpiTerm = new ComboBox<>(FXCollections.observableArrayList("LF", "CRLF", "CR"));
        scpiTerm.valueProperty().bindBidirectional(vm.scpiTerminatorProperty());
        TextField delimiter = text("delimiter", "\\r\\n or 0D 0A", vm.delimiterProperty());
        CheckBox hex = new CheckBox("Hex");
        hex.selectedProperty().bindBidirectional(vm.delimiterHexProperty());
        CheckBox keep = new CheckBox("Keep delimiter in frames");
        keep.selectedProperty().bindBidirectional(vm.keepDelimiterProperty());
        TextField fixed = text("fixed-length", "bytes", vm.fixedLengthProperty());
        TextField offset = text("field-offset", "0", vm.fieldOffsetProperty());
        ComboBox<String> size = new ComboBox<>(FXCollections.observableArrayList("1", "2", "3", "4", "8"));
        size.setId("field-size");
        size.setEditable(true);
        size.setPrefWidth(70);
        size.getEditor().textProperty().bindBidirectional(vm.fieldSizeProperty());
        CheckBox little = new CheckBox("Little-endian");
        little.selectedProperty().bindBidirectional(vm.littleEndianProperty());
        TextField adjust = text("adjustment", "0", vm.adjustmentProperty());
        TextField strip = text("strip", "0", vm.stripProperty());
        TextField gap = text("idle-gap", "ms", vm.idleGapProperty());
        TextField max = text("max-length", "bytes", vm.maxLengthProperty());

        Label ruleError = new Label();
        ruleError.getStyleClass().add("field-error");
        ruleError.textProperty().bind(vm.ruleErrorProperty());
        ruleError.visibleProperty().bind(vm.ruleErrorProperty().isNotEmpty());
        ruleError.managedProperty().bind(ruleError.visibleProperty());

        Button apply = new Button("Apply", Icons.of(MaterialDesignC.CHECK));
        apply.setId("apply-rule");
        apply.disableProperty().bind(vm.dirtyProperty().not());
        apply.setOnAction(e -> vm.apply());
        Label applied = new Label();
        applied.getStyleClass().add("hint");
        applied.textProperty().bind(Bindings.createStringBinding(() -> vm.appliedProperty().get() == null ? ""
                : "In use: " + vm.appliedProperty().get().describe(), vm.appliedProperty()));

        Button detectButton = new Button("Detect", Icons.of(MaterialDesignM.MAGNIFY));
        detectButton.setId("detect");
        detectButton.setTooltip(new javafx.scene.control.Tooltip("Send *IDN? and propose the terminator from the answer"));
        detectButton.disableProperty().bind(detect.runningProperty());
        detectButton.setOnAction(e -> detect.detect());
        Button use = new Button("Use it");
        use.getStyleClass().add(Styles.SUCCESS);
        use.visibleProperty().bind(detect.proposalProperty().isNotNull());
        use.managedProperty().bind(use.visibleProperty());
        use.setOnAction(e -> detect.useProposal());
        Label detectMessage = new Label();
        detectMessage.setId("detect-message");
        detectMessage.getStyleClass().add("hint");
        detectMessage.setWrapText(true);
        detectMessage.textProperty().bind(detect.messageProperty());

        root.getChildren().addAll(title, kind,
                param(RuleField.SCPI_TERMINATOR, scpiTerm),
                param(RuleField.DELIMITER, row(grow(delimiter), hex)),
                err(delimiter, RuleField.DELIMITER),
                param(RuleField.KEEP_DELIMITER, keep),
                param(RuleField.FIXED_LENGTH, fixed), err(fixed, RuleField.FIXED_LENGTH),
                param(RuleField.FIELD_OFFSET, offset), err(offset, RuleField.FIELD_OFFSET),
                param(RuleField.FIELD_SIZE, row(size, little)), err(size, RuleField.FIELD_SIZE),
                param(RuleField.ADJUSTMENT, adjust), err(adjust, RuleField.ADJUSTMENT),
                param(RuleField.STRIP, strip), err(strip, RuleField.STRIP),
                param(RuleField.IDLE_GAP, gap), err(gap, RuleField.IDLE_GAP),
                param(RuleField.MAX_LENGTH, max), err(max, RuleField.MAX_LENGTH),
                ruleError, row(apply, detectButton, use), applied, detectMessage);
    }

    private Node param(RuleField f, Node editor) {
        Label l = new Label(f.label());
        l.getStyleClass().add(Styles.TEXT_SMALL);
        VBox box = new VBox(2, l, editor);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.kindProperty().get().uses(f),
                vm.kindProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node err(javafx.scene.control.Control c, RuleField f) {
        return FieldErrors.bind(c, vm.errors(), f, f.label());
    }

    private TextField text(String id, String prompt, StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        t.setOnAction(e -> vm.apply());
        return t;
    }

}
