package org.streamframer.app.frames;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.streamframer.app.connection.ActiveConnection;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.app.ui.PlainWords;

/** The framing panel's "Detect" button: runs {@link TerminatorDetector} in the background. */
public final class DetectViewModel {

    static final long WAIT_MILLIS = 2_000;

    private final Dispatcher dispatcher;
    private final Supplier<ActiveConnection> connection;
    private final Consumer<RuleKind> use;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<RuleKind> proposal = new ReadOnlyObjectWrapper<>(this, "proposal");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    /** @param use applies a proposal (the framing panel's choose) */
    public DetectViewModel(Dispatcher dispatcher, Supplier<ActiveConnection> connection, Consumer<RuleKind> use) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.use = Objects.requireNonNull(use, "use");
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The proposed preset, or null. */
    public ReadOnlyObjectProperty<RuleKind> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Sends *IDN? and reports what the answer ends with. */
    public void detect() {
        ActiveConnection c = connection.get();
        proposal.set(null);
        if (c == null) {
            message.set("Connect first: detection sends *IDN? to the instrument.");
            return;
        }
        running.set(true);
        message.set("Sent *IDN?, waiting for the answer…");
        dispatcher.background(() -> {
            TerminatorDetector.Outcome o;
            try {
                o = TerminatorDetector.detect(c, WAIT_MILLIS);
            } catch (IOException e) {
                o = new TerminatorDetector.Outcome(java.util.Optional.empty(),
                        "Could not send *IDN?: " + PlainWords.describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                o = new TerminatorDetector.Outcome(java.util.Optional.empty(), "Detection was interrupted.");
            }
            TerminatorDetector.Outcome done = o;
            dispatcher.ui(() -> {
                running.set(false);
                message.set(done.message());
                proposal.set(done.proposal().orElse(null));
            });
        });
    }

    /** Applies the proposal. */
    public void useProposal() {
        RuleKind k = proposal.get();
        if (k != null) {
            use.accept(k);
            message.set("Using " + k.label().replaceAll("\\s{2,}", " ") + ".");
            proposal.set(null);
        }
    }
}
