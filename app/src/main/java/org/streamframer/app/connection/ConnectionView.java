package org.streamframer.app.connection;

import static org.streamframer.app.ui.Forms.field;
import static org.streamframer.app.ui.Forms.grow;
import static org.streamframer.app.ui.Forms.hint;
import static org.streamframer.app.ui.Forms.labelled;
import static org.streamframer.app.ui.Forms.row;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.streamframer.app.ui.FieldErrors;
import org.streamframer.app.ui.Icons;
import org.streamframer.framing.scpi.Terminator;
import org.streamframer.framing.transport.FlowControl;
import org.streamframer.framing.transport.Parity;
import org.streamframer.framing.transport.SerialPortInfo;
import org.streamframer.framing.transport.StopBits;

/** The connection panel: profile, transport and its settings, Connect/Disconnect. Builds and binds only. */
public final class ConnectionView {

    private static final List<String> BAUDS = List.of("300", "1200", "2400", "4800", "9600", "19200", "38400",
            "57600", "115200", "230400", "460800", "921600");

    private final ConnectionViewModel vm;
    private final ProfilesViewModel profiles;
    private final VBox root = new VBox(6);

    public ConnectionView(ConnectionViewModel vm, ProfilesViewModel profiles) {
        this.vm = vm;
        this.profiles = profiles;
        createView();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        Label title = new Label("Connection");
        title.getStyleClass().add("section-title");

        ComboBox<ConnectionProfile> profile = new ComboBox<>(profiles.profiles());
        profile.setId("profile");
        profile.setMaxWidth(Double.MAX_VALUE);
        profile.setConverter(converter(p -> p == null ? "" : p.name()));
        profile.valueProperty().bindBidirectional(profiles.selectedProperty());
        profile.setOnAction(e -> profiles.choose(profile.getValue()));
        Button save = iconButton(Icons.of(MaterialDesignC.CONTENT_SAVE_OUTLINE), "Save the form as a profile");
        save.setOnAction(e -> profiles.saveCurrent());
        Button delete = iconButton(Icons.of(MaterialDesignD.DELETE_OUTLINE), "Delete this profile");
        delete.setOnAction(e -> profiles.deleteSelected());
        HBox.setHgrow(profile, Priority.ALWAYS);
        HBox profileRow = new HBox(4, profile, save, delete);

        TextField name = new TextField();
        name.setId("profile-name");
        name.setPromptText("Profile name");
        name.textProperty().bindBidirectional(vm.profileNameProperty());

        ComboBox<TransportKind> kind = new ComboBox<>(FXCollections.observableArrayList(TransportKind.values()));
        kind.setId("transport");
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.valueProperty().bindBidirectional(vm.kindProperty());

        // TCP client
        TextField host = field("host", "Host or address", vm.hostProperty());
        TextField port = field("port", "5025", vm.portProperty());
        port.setPrefColumnCount(6);
        VBox tcp = group(TransportKind.TCP_CLIENT, row(grow(host), port),
                FieldErrors.bind(host, vm.errors(), ConnectionViewModel.Field.HOST, "Host"),
                FieldErrors.bind(port, vm.errors(), ConnectionViewModel.Field.PORT, "Port"));

        // TCP listen
        TextField listenAddress = field("listen-address", "127.0.0.1", vm.listenAddressProperty());
        TextField listenPort = field("listen-port", "6000", vm.listenPortProperty());
        listenPort.setPrefColumnCount(6);
        Label listenHint = hint("Waits for one instrument to connect to this address.");
        VBox listen = group(TransportKind.TCP_LISTEN, row(grow(listenAddress), listenPort),
                FieldErrors.bind(listenAddress, vm.errors(), ConnectionViewModel.Field.LISTEN_ADDRESS, "Address"),
                FieldErrors.bind(listenPort, vm.errors(), ConnectionViewModel.Field.LISTEN_PORT, "Port"),
                listenHint);

        // Serial
        ComboBox<SerialPortInfo> found = new ComboBox<>(vm.ports());
        found.setId("serial-ports");
        found.setPromptText("Detected ports");
        found.setPlaceholder(new Label("No serial ports found. Type a path (a pty such as /dev/pts/3) below."));
        found.setMaxWidth(Double.MAX_VALUE);
        found.setConverter(converter(p -> p == null ? "" : p.systemName() + " — " + p.description()));
        found.setCellFactory(lv -> new PortCell());
        found.setOnAction(e -> vm.choosePort(found.getValue()));
        Button refresh = iconButton(Icons.of(MaterialDesignR.REFRESH), "List the serial ports again");
        refresh.setId("refresh-ports");
        refresh.disableProperty().bind(vm.listingPortsProperty());
        refresh.setOnAction(e -> vm.refreshPorts());
        TextField path = field("serial-path", "/dev/ttyUSB0 or /dev/pts/3", vm.serialPortProperty());
        ComboBox<String> baud = new ComboBox<>(FXCollections.observableArrayList(BAUDS));
        baud.setId("baud");
        baud.setEditable(true);
        baud.setPrefWidth(110);
        baud.getEditor().textProperty().bindBidirectional(vm.baudProperty());
        ComboBox<Integer> dataBits = new ComboBox<>(FXCollections.observableArrayList(5, 6, 7, 8));
        dataBits.valueProperty().bindBidirectional(vm.dataBitsProperty());
        ComboBox<Parity> parity = new ComboBox<>(FXCollections.observableArrayList(Parity.values()));
        parity.valueProperty().bindBidirectional(vm.parityProperty());
        ComboBox<StopBits> stop = new ComboBox<>(FXCollections.observableArrayList(StopBits.values()));
        stop.valueProperty().bindBidirectional(vm.stopBitsProperty());
        stop.setConverter(converter(s -> s == null ? "" : switch (s) {
            case ONE -> "1";
            case ONE_POINT_FIVE -> "1.5";
            case TWO -> "2";
        }));
        ComboBox<FlowControl> flow = new ComboBox<>(FXCollections.observableArrayList(FlowControl.values()));
        flow.valueProperty().bindBidirectional(vm.flowProperty());
        Label following = hint("");
        following.textProperty().bind(Bindings.createStringBinding(() -> vm.followUsbProperty().get() == null
                ? "Uses the port path as typed."
                : "Follows USB device " + vm.followUsbProperty().get().describe() + " if its port name changes.",
                vm.followUsbProperty()));
        CheckBox follow = new CheckBox("Follow the USB device");
        follow.disableProperty().bind(vm.followUsbProperty().isNull());
        follow.selectedProperty().bind(vm.followUsbProperty().isNotNull());
        follow.setOnAction(e -> vm.followUsbProperty().set(null));
        VBox serial = group(TransportKind.SERIAL, row(grow(found), refresh), path,
                FieldErrors.bind(path, vm.errors(), ConnectionViewModel.Field.SERIAL_PORT, "Port"),
                row(labelled("Baud", baud), labelled("Data", dataBits), labelled("Parity", parity)),
                FieldErrors.bind(baud, vm.errors(), ConnectionViewModel.Field.BAUD, "Baud"),
                row(labelled("Stop", stop), labelled("Flow", flow)), following, follow);

        Label simHint = hint("Starts the built-in instrument on 127.0.0.1 (a free port) and connects to it. "
                + "Try *IDN?, MEAS:VOLT:DC? or SIM:STR 1000.");
        VBox sim = group(TransportKind.SIMULATOR, simHint);

        ComboBox<Terminator> term = new ComboBox<>(FXCollections.observableArrayList(Terminator.values()));
        term.setId("terminator");
        term.valueProperty().bindBidirectional(vm.terminatorProperty());
        CheckBox reconnect = new CheckBox("Reconnect automatically");
        reconnect.setId("auto-reconnect");
        reconnect.selectedProperty().bindBidirectional(vm.autoReconnectProperty());
        TextArea onConnect = new TextArea();
        onConnect.setId("on-connect");
        onConnect.setPromptText("Commands sent on connect, one a line");
        onConnect.setPrefRowCount(2);
        onConnect.textProperty().bindBidirectional(vm.onConnectProperty());

        Button connect = new Button("Connect", Icons.of(MaterialDesignL.LAN_CONNECT));
        connect.setId("connect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setDefaultButton(false);
        connect.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.stateProperty().get().active()
                || !vm.formValidProperty().get(), vm.stateProperty(), vm.formValidProperty()));
        connect.setOnAction(e -> vm.connect());
        Button disconnect = new Button("Disconnect", Icons.of(MaterialDesignL.LAN_DISCONNECT));
        disconnect.setId("disconnect");
        disconnect.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.stateProperty().get() == LinkState.DISCONNECTED, vm.stateProperty()));
        disconnect.setOnAction(e -> vm.disconnect());
        connect.setMaxWidth(Double.MAX_VALUE);
        disconnect.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(connect, Priority.ALWAYS);
        HBox.setHgrow(disconnect, Priority.ALWAYS);
        HBox buttons = new HBox(6, connect, disconnect);

        root.getChildren().addAll(title, labelled("Profile", profileRow), labelled("Save as", name),
                labelled("Transport", kind), tcp, listen, serial, sim,
                labelled("Command terminator", term), reconnect, onConnect, buttons);
        root.setPadding(new Insets(4, 0, 8, 0));
    }

    private VBox group(TransportKind k, Node... children) {
        VBox box = new VBox(4, children);
        box.visibleProperty().bind(vm.kindProperty().isEqualTo(k));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Button iconButton(Node icon, String tip) {
        Button b = new Button(null, icon);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        return b;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static final class PortCell extends ListCell<SerialPortInfo> {
        @Override
        protected void updateItem(SerialPortInfo p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                return;
            }
            String usb = UsbMatch.of(p) == null ? "" : "  [" + UsbMatch.of(p).describe() + "]";
            setText(p.path() + " — " + p.description() + usb);
        }
    }
}
