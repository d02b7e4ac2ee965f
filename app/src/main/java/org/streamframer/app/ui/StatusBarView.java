package org.streamframer.app.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

import atlantafx.base.controls.Spacer;
import org.streamframer.app.connection.ConnectionViewModel;

/** The status bar: link, RX/TX counters, rates, errors; a Timeline polls the counters twice a second. */
public final class StatusBarView {

    private final HBox root = new HBox();
    private final Timeline poll;

    public StatusBarView(StatusViewModel vm, ConnectionViewModel connection, javafx.beans.value.ObservableValue<String> framing) {
        Label link = new Label();
        link.setId("status-link");
        link.textProperty().bind(Bindings.createStringBinding(() -> {
            String d = connection.stateDetailProperty().get();
            return connection.stateProperty().get().label() + (d == null || d.isEmpty() ? "" : " — " + d);
        }, connection.stateProperty(), connection.stateDetailProperty()));
        Label rule = new Label();
        rule.textProperty().bind(framing);
        Label in = new Label();
        in.setId("status-in");
        in.textProperty().bind(vm.inProperty());
        Label out = new Label();
        out.setId("status-out");
        out.textProperty().bind(vm.outProperty());
        Label rate = new Label();
        rate.setId("status-rate");
        rate.textProperty().bind(vm.rateProperty());
        Label errors = new Label();
        errors.setId("status-errors");
        errors.textProperty().bind(vm.errorsTextProperty());
        vm.errorsProperty().addListener((o, a, b) -> errors.getStyleClass().removeAll("errors-present"));
        vm.errorsProperty().addListener((o, a, b) -> {
            if (b.longValue() > 0) {
                errors.getStyleClass().add("errors-present");
            }
        });
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(link, new Spacer(), rule, in, out, rate, errors);
        poll = new Timeline(new KeyFrame(Duration.millis(500), e -> vm.poll()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    public Node root() {
        return root;
    }

    public void stop() {
        poll.stop();
    }
}
