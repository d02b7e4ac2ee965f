package org.streamframer.app.ui;

import java.util.Objects;

import javafx.scene.Node;

import org.kordamp.ikonli.Ikon;

/**
 * A tab of the main window's work area. Adding a feature is one line:
 * {@code window.addFeature(new Feature("Plot", MaterialDesignC.CHART_LINE, plotView.root()))}.
 *
 * @param icon may be null
 */
public record Feature(String title, Ikon icon, Node content) {
    public Feature {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
    }
}
