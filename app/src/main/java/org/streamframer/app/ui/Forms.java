package org.streamframer.app.ui;

import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

/** Small layout helpers shared by the side panel's forms. */
public final class Forms {

    private Forms() {
    }

    /** A text field with an id and prompt, bound both ways to {@code p}. */
    public static TextField field(String id, String prompt, StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    /** {@code n}, taking the spare width of its row. */
    public static <T extends Region> T grow(T n) {
        HBox.setHgrow(n, Priority.ALWAYS);
        n.setMaxWidth(Double.MAX_VALUE);
        return n;
    }

    /** A row, vertically centred. */
    public static HBox row(Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** A small caption above {@code n}, which takes the full width. */
    public static VBox labelled(String text, Node n) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_SMALL);
        if (n instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
        return new VBox(2, l, n);
    }

    /** A muted, wrapping explanation. */
    public static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }
}
