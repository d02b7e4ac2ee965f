package org.streamframer.app.blocks;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.streamframer.framing.rules.IeeeBlock;
import org.streamframer.framing.scpi.Response;

/**
 * The block viewer's window: one, reused, owned by the console's window (so it floats above it).
 * {@link #show} puts a response carrying IEEE 488.2 blocks in it. When the user asked for it
 * (a link, a double-click, a menu) it comes to the front with the keyboard; when a block just
 * arrived it is shown or updated, and the keyboard stays where it was (the command line), so
 * commands typed next never land in the viewer. FX thread only.
 */
public final class BlockWindow {

    private static final double WIDTH = 860;
    private static final double HEIGHT = 540;

    private final Supplier<Window> owner;
    private final BlockViewModel vm;
    private Stage stage;

    /** @param owner the console's window when the viewer is first shown (may give null) */
    public BlockWindow(Supplier<Window> owner, Executor io, Executor fx) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.vm = new BlockViewModel(io, fx);
    }

    public BlockViewModel viewModel() {
        return vm;
    }

    /** The viewer's stage once it has been shown, else null. */
    public Stage stage() {
        return stage;
    }

    /** Shows the first block of {@code r} (nothing happens for a response without one). */
    public void show(Response r, boolean takeFocus) {
        show(r.command(), r.bytes(), r.blocks(), takeFocus);
    }

    /**
     * Shows the first of {@code blocks} of {@code bytes} (nothing happens when there is none).
     *
     * @param source    what the bytes are (a query, "frame #12"), for the title
     * @param takeFocus bring the viewer to the front with the keyboard (the user asked), or leave
     *                  the keyboard with the window that has it
     */
    public void show(String source, byte[] bytes, List<IeeeBlock> blocks, boolean takeFocus) {
        if (blocks.isEmpty()) {
            return;
        }
        vm.open(source, bytes, blocks, 0);
        Window main = owner.get();
        if (stage == null) {
            stage = new Stage();
            if (main != null) {
                stage.initOwner(main);
            }
            stage.setScene(new Scene(new BlockView(vm), WIDTH, HEIGHT));
            if (main != null && main.getScene() != null) {
                stage.getScene().getStylesheets().addAll(main.getScene().getStylesheets());
            }
            if (main != null && main.getWidth() > 0) {
                // over the frames table, clear of the command line at the bottom of the console
                stage.setX(Math.max(main.getX(), main.getX() + main.getWidth() - WIDTH - 16));
                stage.setY(main.getY() + 72);
            }
        }
        stage.setTitle("Block viewer: " + source);
        Window hadFocus = focused(main);
        if (!stage.isShowing()) {
            stage.show(); // the window system gives a new window the keyboard...
        }
        if (takeFocus) {
            stage.toFront();
            stage.requestFocus();
        } else if (hadFocus != null && hadFocus != stage) {
            hadFocus.requestFocus(); // ...which goes back where the user was typing
        }
    }

    private Window focused(Window main) {
        for (Window w : Window.getWindows()) {
            if (w.isFocused()) {
                return w;
            }
        }
        return main;
    }
}
