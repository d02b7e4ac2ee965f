package org.streamframer.app.blocks;

import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.streamframer.framing.scpi.Response;

/**
 * The block viewer's window: one, reused. {@link #show(Response)} puts a response carrying an
 * IEEE 488.2 block in it and brings it to the front. FX thread only.
 */
public final class BlockWindow {

    private final Window owner;
    private final BlockViewModel vm;
    private Stage stage;

    public BlockWindow(Window owner, Executor io, Executor fx) {
        this.owner = owner;
        this.vm = new BlockViewModel(io, fx);
    }

    public BlockViewModel viewModel() {
        return vm;
    }

    /** Shows the first block of {@code r} (nothing happens for a response without one). */
    public void show(Response r) {
        if (!r.hasBlock()) {
            return;
        }
        vm.open(r, 0);
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setScene(new Scene(new BlockView(vm), 900, 640));
            if (owner != null && owner.getScene() != null) {
                stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        stage.setTitle("Block viewer: " + r.command());
        stage.show();
        stage.toFront();
    }
}
