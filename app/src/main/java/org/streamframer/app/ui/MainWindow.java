package org.streamframer.app.ui;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;
import org.streamframer.app.connection.ConnectionViewModel;
import org.streamframer.app.connection.LinkState;
import org.streamframer.app.frames.ContentFormat;
import org.streamframer.app.frames.FramesViewModel;

/**
 * The main window's content: menus, tool bar, notification banner, the side panel (connection,
 * framing), the work area (tabs: frames, raw, and whatever features are added) above the command
 * console, and the status bar. A feature is one line: {@link #addFeature(Feature)}.
 */
public final class MainWindow {

    /** What the window shows; built by {@code ConsoleApp}. */
    public record Parts(Node connection, Node framing, Node frames, Node raw, Node console, Node statusBar,
                        ConnectionViewModel connectionVm, FramesViewModel framesVm, NotificationCenter notices,
                        SettingsViewModel settings, Runnable preferences, Runnable quit, Runnable focusCommand) {
    }

    private final Parts parts;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final SplitPane outer = new SplitPane();
    private final SplitPane work = new SplitPane();
    private final ObjectProperty<Runnable> saveLog = new SimpleObjectProperty<>(this, "saveLog");
    private MenuBar menuBar;
    private Menu fileMenu;

    public MainWindow(Parts parts) {
        this.parts = Objects.requireNonNull(parts, "parts");
        createView();
    }

    public Parent root() {
        return root;
    }

    // Commands

    /** Adds a tab to the work area. */
    public Tab addFeature(Feature f) {
        Tab t = new Tab(f.title(), f.content());
        t.setClosable(false);
        if (f.icon() != null) {
            t.setGraphic(Icons.of(f.icon()));
        }
        tabs.getTabs().add(t);
        return t;
    }

    /** What File > Save log does (the session log feature sets it); the item is disabled while null. */
    public ObjectProperty<Runnable> saveLogActionProperty() {
        return saveLog;
    }

    /** Adds a menu after the built-in ones. */
    public void addMenu(Menu m) {
        menuBar.getMenus().add(m);
    }

    /** Adds an item to the File menu, above Preferences. */
    public void addFileItem(MenuItem item) {
        fileMenu.getItems().add(1, item);
    }

    /** The work area's tabs (layout persistence, tests). */
    public TabPane tabs() {
        return tabs;
    }

    /** Divider positions: side panel | work, frames / console. */
    public double[] dividers() {
        return new double[] {outer.getDividerPositions()[0], work.getDividerPositions()[0]};
    }

    public void setDividers(double sidebar, double console) {
        outer.setDividerPositions(sidebar);
        work.setDividerPositions(console);
    }

    private void createView() {
        addFeature(new Feature("Frames", MaterialDesignF.FORMAT_LIST_BULLETED, parts.frames()));
        addFeature(new Feature("Raw", MaterialDesignC.CODE_BRACKETS, parts.raw()));
        tabs.setId("work-tabs");

        VBox side = new VBox(10, parts.connection(), new javafx.scene.control.Separator(), parts.framing());
        side.setStyle("-fx-padding: 8px 12px;");
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.getStyleClass().add("sidebar");
        side.getStyleClass().add("sidebar");
        sideScroll.setMinWidth(260);

        work.setOrientation(Orientation.VERTICAL);
        work.getItems().addAll(tabs, parts.console());
        outer.getItems().addAll(sideScroll, work);
        SplitPane.setResizableWithParent(sideScroll, false);

        VBox top = new VBox(menuBar(), toolBar(), banner());
        root.setTop(top);
        root.setCenter(outer);
        root.setBottom(parts.statusBar());
    }

    private MenuBar menuBar() {
        ConnectionViewModel c = parts.connectionVm();
        MenuItem saveLogItem = item("Save log…", MaterialDesignC.CONTENT_SAVE, "Shortcut+S", () -> saveLog.get().run());
        saveLogItem.disableProperty().bind(saveLog.isNull());
        MenuItem prefs = item("Preferences…", MaterialDesignC.COG_OUTLINE, "Shortcut+Comma", parts.preferences());
        MenuItem quit = item("Quit", null, "Shortcut+Q", parts.quit());
        Menu file = new Menu("File", null, saveLogItem, new SeparatorMenuItem(), prefs, new SeparatorMenuItem(), quit);
        fileMenu = file;

        MenuItem connect = item("Connect", MaterialDesignL.LAN_CONNECT, "Shortcut+K", c::connect);
        connect.setId("menu-connect");
        connect.disableProperty().bind(Bindings.createBooleanBinding(() -> c.stateProperty().get().active(),
                c.stateProperty()));
        MenuItem disconnect = item("Disconnect", MaterialDesignL.LAN_DISCONNECT, "Shortcut+D", c::disconnect);
        disconnect.disableProperty().bind(c.stateProperty().isEqualTo(LinkState.DISCONNECTED));
        Menu connection = new Menu("Connection", null, connect, disconnect);

        MenuItem clear = item("Clear frames", MaterialDesignC.CLOSE_BOX_MULTIPLE_OUTLINE, "Shortcut+L",
                parts.framesVm()::clear);
        CheckMenuItem hex = new CheckMenuItem("Show content as hex");
        hex.setAccelerator(KeyCombination.keyCombination("Shortcut+H"));
        hex.setSelected(parts.framesVm().formatProperty().get() == ContentFormat.HEX);
        parts.framesVm().formatProperty().addListener((o, a, b) -> hex.setSelected(b == ContentFormat.HEX));
        hex.setOnAction(e -> parts.framesVm().formatProperty().set(hex.isSelected() ? ContentFormat.HEX : ContentFormat.TEXT));
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        dark.selectedProperty().bindBidirectional(parts.settings().darkProperty());
        MenuItem focus = item("Command line", MaterialDesignC.CONSOLE_LINE, "Shortcut+E", parts.focusCommand());
        Menu view = new Menu("View", null, clear, hex, new SeparatorMenuItem(), dark, focus);
        MenuBar bar = new MenuBar(file, connection, view);
        menuBar = bar;
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolBar() {
        ConnectionViewModel c = parts.connectionVm();
        Label badge = new Label();
        badge.setId("state-badge");
        badge.getStyleClass().add("state-badge");
        badge.textProperty().bind(Bindings.createStringBinding(() -> c.stateProperty().get().label(), c.stateProperty()));
        c.stateProperty().addListener((o, a, b) -> styleBadge(badge, b));
        styleBadge(badge, c.stateProperty().get());
        Label detail = new Label();
        detail.setId("state-detail");
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.textProperty().bind(c.stateDetailProperty());
        Button connect = new Button(null, Icons.of(MaterialDesignL.LAN_CONNECT));
        connect.setTooltip(new Tooltip("Connect (Ctrl+K)"));
        connect.disableProperty().bind(Bindings.createBooleanBinding(() -> c.stateProperty().get().active(),
                c.stateProperty()));
        connect.setOnAction(e -> c.connect());
        Button disconnect = new Button(null, Icons.of(MaterialDesignL.LAN_DISCONNECT));
        disconnect.setTooltip(new Tooltip("Disconnect (Ctrl+D)"));
        disconnect.disableProperty().bind(c.stateProperty().isEqualTo(LinkState.DISCONNECTED));
        disconnect.setOnAction(e -> c.disconnect());
        ToggleButton theme = new ToggleButton(null, Icons.of(MaterialDesignW.WEATHER_NIGHT));
        theme.setId("theme-toggle");
        theme.setTooltip(new Tooltip("Dark theme (Ctrl+T)"));
        theme.selectedProperty().bindBidirectional(parts.settings().darkProperty());
        for (javafx.scene.control.ButtonBase b : java.util.List.of(connect, disconnect, theme)) {
            b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        }
        Label title = new Label("Streamframer Console");
        title.getStyleClass().add(Styles.TITLE_4);
        HBox state = new HBox(8, badge, detail);
        state.setAlignment(Pos.CENTER_LEFT);
        return new ToolBar(title, new javafx.scene.control.Separator(Orientation.VERTICAL), connect, disconnect,
                state, new Spacer(), theme);
    }

    private Node banner() {
        Message m = new Message();
        m.setId("notice");
        NotificationCenter n = parts.notices();
        m.visibleProperty().bind(n.currentProperty().isNotNull());
        m.managedProperty().bind(m.visibleProperty());
        n.currentProperty().addListener((o, a, b) -> {
            if (b == null) {
                return;
            }
            m.getStyleClass().removeAll(Styles.DANGER, Styles.ACCENT);
            m.getStyleClass().add(b.kind() == NotificationCenter.Kind.ERROR ? Styles.DANGER : Styles.ACCENT);
            m.setTitle(b.kind() == NotificationCenter.Kind.ERROR ? "Something went wrong" : "Note");
            m.setDescription(b.text());
            m.setGraphic(Icons.of(b.kind() == NotificationCenter.Kind.ERROR ? MaterialDesignA.ALERT_CIRCLE_OUTLINE
                    : MaterialDesignI.INFORMATION_OUTLINE));
        });
        m.setOnClose(e -> n.dismiss());
        m.setStyle("-fx-padding: 8px 12px; -fx-background-insets: 4px 8px; -fx-border-insets: 4px 8px;");
        return m;
    }

    private static void styleBadge(Label badge, LinkState s) {
        badge.getStyleClass().removeAll("connected", "connecting", "failed", "lost", "disconnected");
        badge.getStyleClass().add(s.name().toLowerCase());
    }

    private static MenuItem item(String text, Ikon icon, String accel, Runnable action) {
        MenuItem i = new MenuItem(text, icon == null ? null : Icons.of(icon));
        if (accel != null) {
            i.setAccelerator(KeyCombination.keyCombination(accel));
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
