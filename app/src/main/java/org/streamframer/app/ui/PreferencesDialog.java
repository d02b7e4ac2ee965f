package org.streamframer.app.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import org.streamframer.app.settings.AppSettings;

/** Preferences: table capacity, theme and whether the block viewer opens by itself. OK is disabled while the capacity is not a valid number. */
public final class PreferencesDialog {

    static final int MIN_CAP = 100;
    static final int MAX_CAP = 5_000_000;

    private PreferencesDialog() {
    }

    /** Shows the dialog; applies the choices to {@code settings} on OK. */
    public static void show(Window owner, SettingsViewModel settings) {
        AppSettings s = settings.get();
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Preferences");
        d.setHeaderText("Streamframer Console preferences");
        TextField cap = new TextField(Integer.toString(s.frameCap()));
        cap.setId("pref-cap");
        Label capError = new Label();
        capError.getStyleClass().add("field-error");
        CheckBox dark = new CheckBox("Dark theme");
        dark.setSelected(settings.darkProperty().get());
        CheckBox blocks = new CheckBox("Open the block viewer when an answer carries a block");
        blocks.setId("pref-block-viewer");
        blocks.setSelected(s.blockViewerAuto());
        blocks.setTooltip(new javafx.scene.control.Tooltip("The command line keeps the keyboard either way; "
                + "when off, the answer's \"view block\" link opens it"));
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("Frames kept in the table"), cap);
        g.add(capError, 1, 1);
        g.addRow(2, new Label("Theme"), dark);
        g.addRow(3, new Label("Binary blocks"), blocks);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.scene.Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String why = capError(cap.getText());
            capError.setText(why == null ? "" : why);
            cap.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, why != null);
            ok.setDisable(why != null);
        };
        cap.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            int n = Integer.parseInt(cap.getText().strip().replace("_", "").replace(",", ""));
            settings.update(x -> x.withFrameCap(n).withBlockViewerAuto(blocks.isSelected()));
            settings.darkProperty().set(dark.isSelected());
        });
    }

    /** Why {@code text} is not a valid capacity, or null. */
    static String capError(String text) {
        String t = text == null ? "" : text.strip().replace("_", "").replace(",", "");
        try {
            long n = Long.parseLong(t);
            return n < MIN_CAP || n > MAX_CAP ? "must be from " + MIN_CAP + " to " + MAX_CAP + " (got " + n + ")" : null;
        } catch (NumberFormatException e) {
            return "must be a whole number from " + MIN_CAP + " to " + MAX_CAP;
        }
    }
}
