package org.streamframer.app.connection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import org.streamframer.app.frames.RuleSpec;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.app.ui.Notifier;
import org.streamframer.app.ui.PlainWords;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.reader.ErrorEvent;
import org.streamframer.framing.reader.FrameEvent;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.reader.StateEvent;
import org.streamframer.framing.scpi.Terminator;
import org.streamframer.framing.transport.FlowControl;
import org.streamframer.framing.transport.Parity;
import org.streamframer.framing.transport.SerialPortInfo;
import org.streamframer.framing.transport.StopBits;

/**
 * The connection form, the connection's state and the current connection, shared by every
 * feature: {@link #currentProperty()} is the open {@link ActiveConnection} (its reader and SCPI
 * session) and {@link #addListener(ReaderListener)} subscribes to the frames, errors and state
 * changes of whichever connection is open, now and later.
 *
 * <p>Listeners added here are called on the reader's delivery thread, never the FX thread; use a
 * batching hand-off ({@code frames.Batcher}) to show frames. Properties change on the FX thread.
 */
public final class ConnectionViewModel {

    /** A form field that can be wrong. */
    public enum Field { HOST, PORT, LISTEN_ADDRESS, LISTEN_PORT, SERIAL_PORT, BAUD }

    private final Dispatcher dispatcher;
    private final Connector connector;
    private final SerialPorts serialPorts;
    private final Notifier notifier;
    private final Function<RuleSpec, FrameRule> rules;
    private final List<ReaderListener> listeners = new CopyOnWriteArrayList<>();

    // Properties: the form
    private final StringProperty profileName = new SimpleStringProperty(this, "profileName",
            ConnectionProfile.DEFAULT_NAME);
    private final ObjectProperty<TransportKind> kind = new SimpleObjectProperty<>(this, "kind", TransportKind.SIMULATOR);
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty listenAddress = new SimpleStringProperty(this, "listenAddress", "");
    private final StringProperty listenPort = new SimpleStringProperty(this, "listenPort", "");
    private final StringProperty serialPort = new SimpleStringProperty(this, "serialPort", "");
    private final StringProperty baud = new SimpleStringProperty(this, "baud", "");
    private final ObjectProperty<Integer> dataBits = new SimpleObjectProperty<>(this, "dataBits", 8);
    private final ObjectProperty<Parity> parity = new SimpleObjectProperty<>(this, "parity", Parity.NONE);
    private final ObjectProperty<StopBits> stopBits = new SimpleObjectProperty<>(this, "stopBits", StopBits.ONE);
    private final ObjectProperty<FlowControl> flow = new SimpleObjectProperty<>(this, "flow", FlowControl.NONE);
    private final ObjectProperty<UsbMatch> followUsb = new SimpleObjectProperty<>(this, "followUsb");
    private final BooleanProperty autoReconnect = new SimpleBooleanProperty(this, "autoReconnect");
    private final ObjectProperty<Terminator> terminator = new SimpleObjectProperty<>(this, "terminator", Terminator.LF);
    private final StringProperty onConnect = new SimpleStringProperty(this, "onConnect", "");
    private final ObservableMap<Field, String> errors = FXCollections.observableMap(new EnumMap<>(Field.class));
    private final ObservableList<SerialPortInfo> ports = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper listingPorts = new ReadOnlyBooleanWrapper(this, "listingPorts");

    // Properties: the link
    private final ReadOnlyObjectWrapper<LinkState> state = new ReadOnlyObjectWrapper<>(this, "state",
            LinkState.DISCONNECTED);
    private final ReadOnlyStringWrapper stateDetail = new ReadOnlyStringWrapper(this, "stateDetail", "");
    private final ReadOnlyObjectWrapper<ActiveConnection> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObjectProperty<RuleSpec> framing = new SimpleObjectProperty<>(this, "framing");
    private FrameRule rule;
    private final BooleanBinding formValid;
    /** Which connection's events count; bumped on every connect/disconnect. FX thread. */
    private long generation;

    public ConnectionViewModel(Dispatcher dispatcher, Connector connector, SerialPorts serialPorts, Notifier notifier,
                               Function<RuleSpec, FrameRule> rules) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.serialPorts = Objects.requireNonNull(serialPorts, "serialPorts");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.rules = Objects.requireNonNull(rules, "rules");
        formValid = Bindings.createBooleanBinding(errors::isEmpty, errors);
        kind.addListener((o, a, b) -> {
            if (b == TransportKind.SERIAL && ports.isEmpty() && !listingPorts.get()) {
                refreshPorts();
            }
        });
        for (ObservableValue<?> p : Arrays.asList(kind, host, port, listenAddress, listenPort, serialPort, baud,
                followUsb)) {
            p.addListener((o, a, b) -> validate());
        }
        load(ConnectionProfile.defaultProfile());
    }

    // Properties

    public StringProperty profileNameProperty() {
        return profileName;
    }

    public ObjectProperty<TransportKind> kindProperty() {
        return kind;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty listenAddressProperty() {
        return listenAddress;
    }

    public StringProperty listenPortProperty() {
        return listenPort;
    }

    /** The serial port path; free text, so a pty ({@code /dev/pts/3}) can be typed. */
    public StringProperty serialPortProperty() {
        return serialPort;
    }

    public StringProperty baudProperty() {
        return baud;
    }

    public ObjectProperty<Integer> dataBitsProperty() {
        return dataBits;
    }

    public ObjectProperty<Parity> parityProperty() {
        return parity;
    }

    public ObjectProperty<StopBits> stopBitsProperty() {
        return stopBits;
    }

    public ObjectProperty<FlowControl> flowProperty() {
        return flow;
    }

    /** The USB device the serial profile follows, or null to use the port path as typed. */
    public ObjectProperty<UsbMatch> followUsbProperty() {
        return followUsb;
    }

    public BooleanProperty autoReconnectProperty() {
        return autoReconnect;
    }

    public ObjectProperty<Terminator> terminatorProperty() {
        return terminator;
    }

    /** Commands sent after connecting, one a line. */
    public StringProperty onConnectProperty() {
        return onConnect;
    }

    /** Why each bad form field is bad. */
    public ObservableMap<Field, String> errors() {
        return errors;
    }

    public BooleanBinding formValidProperty() {
        return formValid;
    }

    /** Serial ports found by the last {@link #refreshPorts()}. */
    public ObservableList<SerialPortInfo> ports() {
        return ports;
    }

    public ReadOnlyBooleanProperty listingPortsProperty() {
        return listingPorts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LinkState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The reason for FAILED/LOST, or where we are connected. */
    public ReadOnlyStringProperty stateDetailProperty() {
        return stateDetail.getReadOnlyProperty();
    }

    /** The open connection, or null. Changes on the FX thread. */
    public ReadOnlyObjectProperty<ActiveConnection> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The framing in force; changed by the framing panel, restored from profiles. */
    public ObjectProperty<RuleSpec> framingProperty() {
        return framing;
    }

    // Commands

    /** Subscribes to the current and every future connection (delivery thread, not FX). */
    public void addListener(ReaderListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    public void removeListener(ReaderListener l) {
        listeners.remove(l);
    }

    /** Fills the form from {@code p} (the framing too). */
    public void load(ConnectionProfile p) {
        ConnectionSettings s = p.settings();
        profileName.set(p.name());
        kind.set(s.kind());
        host.set(s.host());
        port.set(Integer.toString(s.port()));
        listenAddress.set(s.listenAddress());
        listenPort.set(Integer.toString(s.listenPort()));
        serialPort.set(s.serialPort());
        baud.set(Integer.toString(s.baud()));
        dataBits.set(s.dataBits());
        parity.set(s.parity());
        stopBits.set(s.stopBits());
        flow.set(s.flow());
        followUsb.set(s.followUsb());
        autoReconnect.set(p.autoReconnect());
        terminator.set(p.terminator());
        onConnect.set(String.join("\n", p.onConnect()));
        setFraming(p.framing(), null);
        validate();
    }

    /** The form as a profile; null while a field is bad. */
    public ConnectionProfile profile() {
        if (!errors.isEmpty()) {
            return null;
        }
        ConnectionSettings s = new ConnectionSettings(kind.get(), host.get().strip(), parse(port.get()),
                listenAddress.get().strip(), parse(listenPort.get()), serialPort.get().strip(), parse(baud.get()),
                dataBits.get(), parity.get(), stopBits.get(), flow.get(),
                kind.get() == TransportKind.SERIAL ? followUsb.get() : null);
        List<String> cmds = new ArrayList<>();
        for (String line : onConnect.get().split("\\R")) {
            if (!line.isBlank()) {
                cmds.add(line.strip());
            }
        }
        String name = profileName.get() == null || profileName.get().isBlank() ? s.describe() : profileName.get().strip();
        return new ConnectionProfile(name, s, framing.get(), terminator.get(), cmds, autoReconnect.get());
    }

    /** Lists serial ports in the background; the list changes when the answer is in. */
    public void refreshPorts() {
        listingPorts.set(true);
        dispatcher.background(() -> {
            try {
                List<SerialPortInfo> found = serialPorts.list();
                dispatcher.ui(() -> {
                    ports.setAll(found);
                    listingPorts.set(false);
                });
            } catch (RuntimeException e) {
                dispatcher.ui(() -> listingPorts.set(false));
                notifier.error("Listing serial ports failed", e);
            }
        });
    }

    /** Uses {@code p}: its path, and (when it is a USB device) follows the device from now on. */
    public void choosePort(SerialPortInfo p) {
        if (p == null) {
            return;
        }
        serialPort.set(p.path());
        followUsb.set(UsbMatch.of(p));
    }

    /** Opens the connection the form describes (closing any open one first). */
    public void connect() {
        ConnectionProfile p = profile();
        if (p == null) {
            notifier.error("Cannot connect: " + String.join("; ", errorTexts()));
            return;
        }
        FrameRule r = rule != null ? rule : rules.apply(p.framing());
        ActiveConnection old = current.get();
        long gen = ++generation;
        current.set(null);
        setState(LinkState.CONNECTING, p.settings().describe());
        Forwarder forwarder = new Forwarder(gen, p);
        dispatcher.background(() -> {
            if (old != null) {
                old.close();
            }
            try {
                ActiveConnection c = connector.open(p, r, forwarder);
                forwarder.opened.complete(c);
                dispatcher.ui(() -> {
                    if (gen == generation) {
                        current.set(c);
                    } else {
                        dispatcher.background(c::close);
                    }
                });
            } catch (IOException | RuntimeException e) {
                dispatcher.ui(() -> {
                    if (gen == generation) {
                        setState(LinkState.FAILED, PlainWords.describe(e));
                    }
                });
                notifier.error("Connecting to " + p.settings().describe() + " failed", e);
            }
        });
    }

    /** Closes the open connection (in the background). */
    public void disconnect() {
        ActiveConnection old = current.get();
        generation++;
        current.set(null);
        setState(LinkState.DISCONNECTED, "");
        if (old != null) {
            dispatcher.background(old::close);
        }
    }

    /** Closes everything, waiting for it: for application exit. */
    public void shutdown() {
        ActiveConnection old = current.get();
        generation++;
        current.set(null);
        if (old != null) {
            old.close();
        }
    }

    /** Uses {@code spec} (already built as {@code built}, or built here when null); applies at once when connected. */
    public void setFraming(RuleSpec spec, FrameRule built) {
        FrameRule r;
        try {
            r = built != null ? built : rules.apply(spec);
        } catch (IllegalArgumentException e) {
            // a hand-edited profile can hold what the library refuses: say so, keep the current rule
            notifier.error("The profile's framing (" + spec.describe() + ") cannot be used", e);
            return;
        }
        rule = r;
        framing.set(spec);
        ActiveConnection c = current.get();
        if (c != null) {
            c.reader().setRule(r);
        }
    }

    // Internals

    private List<String> errorTexts() {
        List<String> out = new ArrayList<>();
        errors.forEach((f, why) -> out.add(f.name().toLowerCase().replace('_', ' ') + " " + why));
        return out;
    }

    private void setState(LinkState s, String detail) {
        state.set(s);
        stateDetail.set(detail == null ? "" : detail);
    }

    private void validate() {
        Map<Field, String> bad = new EnumMap<>(Field.class);
        switch (kind.get()) {
            case TCP_CLIENT -> {
                if (host.get() == null || host.get().isBlank()) {
                    bad.put(Field.HOST, "is required");
                }
                checkPort(bad, Field.PORT, port.get(), 1);
            }
            case TCP_LISTEN -> {
                if (listenAddress.get() == null || listenAddress.get().isBlank()) {
                    bad.put(Field.LISTEN_ADDRESS, "is required (127.0.0.1 for this machine only)");
                }
                checkPort(bad, Field.LISTEN_PORT, listenPort.get(), 0);
            }
            case SERIAL -> {
                if ((serialPort.get() == null || serialPort.get().isBlank()) && followUsb.get() == null) {
                    bad.put(Field.SERIAL_PORT, "is required (pick one, or type a path such as /dev/pts/3)");
                }
                int b = parse(baud.get());
                if (b < 50 || b > 4_000_000) {
                    bad.put(Field.BAUD, "must be a rate from 50 to 4000000 (got '" + baud.get() + "')");
                }
            }
            case SIMULATOR -> {
                // nothing to fill in
            }
            default -> throw new IllegalStateException("unknown transport " + kind.get());
        }
        errors.keySet().retainAll(bad.keySet());
        errors.putAll(bad);
    }

    private static void checkPort(Map<Field, String> bad, Field f, String text, int min) {
        int p = parse(text);
        if (p < min || p > 65535) {
            bad.put(f, "must be a port from " + min + " to 65535 (got '" + (text == null ? "" : text.strip()) + "')");
        }
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Turns the reader's events for one connection into state changes, and fans them out. */
    private final class Forwarder implements ReaderListener {
        private final long gen;
        private final ConnectionProfile profile;
        private volatile boolean wasConnected;
        /** Completed once {@link Connector#open} returned (events may come before that). */
        final CompletableFuture<ActiveConnection> opened = new CompletableFuture<>();

        Forwarder(long gen, ConnectionProfile profile) {
            this.gen = gen;
            this.profile = profile;
        }

        @Override
        public void onFrame(FrameEvent e) {
            for (ReaderListener l : listeners) {
                l.onFrame(e);
            }
        }

        @Override
        public void onError(ErrorEvent e) {
            for (ReaderListener l : listeners) {
                l.onError(e);
            }
        }

        @Override
        public void onState(StateEvent e) {
            for (ReaderListener l : listeners) {
                l.onState(e);
            }
            LinkState s;
            String detail = e.detail() == null ? "" : e.detail();
            switch (e.state()) {
                case CONNECTING -> s = wasConnected ? LinkState.LOST : LinkState.CONNECTING;
                case CONNECTED -> {
                    s = LinkState.CONNECTED;
                    wasConnected = true;
                    if (profile.settings().kind() == TransportKind.SIMULATOR) {
                        detail = "simulated instrument at " + detail;
                    }
                    sendOnConnect();
                }
                case DISCONNECTED -> s = wasConnected ? LinkState.LOST : LinkState.DISCONNECTED;
                case FAILED -> s = wasConnected ? LinkState.LOST : LinkState.FAILED;
                default -> throw new IllegalStateException("unknown state " + e.state());
            }
            if (s == LinkState.LOST && profile.autoReconnect()) {
                detail = detail.isEmpty() ? "reconnecting" : detail + " (reconnecting)";
            }
            String d = detail;
            dispatcher.ui(() -> {
                if (gen == generation) { // not after the user disconnected: that end is no loss
                    setState(s, d);
                    if ((s == LinkState.FAILED || s == LinkState.LOST) && !d.isEmpty()) {
                        notifier.error(s.label() + ": " + d);
                    }
                }
            });
        }

        private void sendOnConnect() {
            if (profile.onConnect().isEmpty()) {
                return;
            }
            opened.thenAccept(c -> dispatcher.background(() -> {
                try {
                    for (String cmd : profile.onConnect()) {
                        c.session().write(cmd);
                    }
                } catch (IOException ex) {
                    notifier.error("Sending the commands on connect failed", ex);
                }
            }));
        }
    }
}
