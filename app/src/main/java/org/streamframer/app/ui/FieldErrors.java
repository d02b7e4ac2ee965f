package org.streamframer.app.ui;

import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import atlantafx.base.theme.Styles;

/**
 * Marks a form control as bad while a ViewModel's error map holds a reason for it: the theme's
 * danger outline, the reason as tooltip and in a small label under the field.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** Binds {@code control}'s decoration to {@code errors.get(key)}; returns the reason label to place under it. */
    public static <K> Label bind(Control control, ObservableMap<K, String> errors, K key, String fieldName) {
        Label reason = new Label();
        reason.getStyleClass().add("field-error");
        reason.setManaged(false);
        reason.setVisible(false);
        Runnable update = () -> {
            String why = errors.get(key);
            boolean bad = why != null;
            control.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
            control.setTooltip(bad ? new Tooltip(fieldName + " " + why) : null);
            reason.setText(bad ? fieldName + " " + why : "");
            reason.setManaged(bad);
            reason.setVisible(bad);
        };
        errors.addListener((MapChangeListener<K, String>) c -> update.run());
        update.run();
        return reason;
    }
}
