package org.streamframer.app.command;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.streamframer.app.connection.ActiveConnection;
import org.streamframer.app.frames.Escapes;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.settings.JsonStore;
import org.streamframer.app.settings.Saver;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.app.ui.Notifier;
import org.streamframer.framing.scpi.QueryTimeoutException;
import org.streamframer.framing.scpi.Response;
import org.streamframer.framing.scpi.Terminator;

/**
 * The command console: a command line with history and favourites, sending in query or write
 * mode over the current connection's SCPI session. Queries run in the background; the
 * transcript pairs each command with its answer and round-trip time, or says it timed out and
 * shows what had arrived. History ({@code history.json}) and favourites ({@code favorites.json})
 * are saved in the background after each change.
 */
public final class CommandViewModel {

    static final int HISTORY_LIMIT = 500;
    static final int TRANSCRIPT_LIMIT = 5_000;
    /** Transcript lines that keep their block for the viewer (newest first); older ones let it go. */
    static final int BLOCKS_KEPT = 20;

    private final Dispatcher dispatcher;
    private final Notifier notifier;
    private final Supplier<ActiveConnection> connection;
    private final Clock clock;
    private final JsonStore<List<String>> historyStore;
    private final JsonStore<List<Favorite>> favoritesStore;
    private final Saver<List<String>> historySaver;
    private final Saver<List<Favorite>> favoritesSaver;
    private final CommandHistory history = new CommandHistory(HISTORY_LIMIT);
    private final ObservableList<Favorite> favorites = FXCollections.observableArrayList();
    private final ObservableList<TranscriptEntry> transcript = FXCollections.observableArrayList();

    // Properties
    private final StringProperty command = new SimpleStringProperty(this, "command", "");
    private final ObjectProperty<CommandMode> mode = new SimpleObjectProperty<>(this, "mode", CommandMode.AUTO);
    private final ObjectProperty<Terminator> terminator = new SimpleObjectProperty<>(this, "terminator", Terminator.LF);
    private final ObjectProperty<Duration> timeout = new SimpleObjectProperty<>(this, "timeout", Duration.ofSeconds(2));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** Queries sent and not yet answered or timed out. FX thread. */
    private int inFlight;
    private final BooleanProperty autoOpenBlocks = new javafx.beans.property.SimpleBooleanProperty(this,
            "autoOpenBlocks", true);
    private BlockViewer blockViewer;

    /** Shows an answer that carries IEEE 488.2 blocks (the block viewer). FX thread. */
    @FunctionalInterface
    public interface BlockViewer {
        /**
         * @param userAsked true when the user asked to see it (bring the viewer to the front and
         *                  give it the keyboard); false when it just arrived (show it, but leave
         *                  the keyboard in the command line)
         */
        void view(Response r, boolean userAsked);
    }

    public CommandViewModel(Dispatcher dispatcher, Notifier notifier, Supplier<ActiveConnection> connection,
                            ConfigDir dir, Clock clock) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.historyStore = JsonStore.listOf(dir.file("history.json"), String.class);
        this.favoritesStore = JsonStore.listOf(dir.file("favorites.json"), Favorite.class);
        this.historySaver = new Saver<>(historyStore, dispatcher, notifier, "the command history");
        this.favoritesSaver = new Saver<>(favoritesStore, dispatcher, notifier, "the favourite commands");
    }

    // Properties

    public StringProperty commandProperty() {
        return command;
    }

    public ObjectProperty<CommandMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Terminator> terminatorProperty() {
        return terminator;
    }

    public ObjectProperty<Duration> timeoutProperty() {
        return timeout;
    }

    /**
     * A query is waiting for its answer. Every query ends (answered, timed out or failed) within
     * twice the timeout: at most the timeout waiting for a query in progress (the plot's), then
     * at most the timeout for the answer.
     */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Commands sent, oldest first. */
    public ObservableList<String> history() {
        return history.entries();
    }

    public ObservableList<Favorite> favorites() {
        return favorites;
    }

    /** Commands and what became of them, oldest first. */
    public ObservableList<TranscriptEntry> transcript() {
        return transcript;
    }

    /** Completion suggestions for what is typed: history first, then SCPI vocabulary. */
    public List<String> suggestions(String typed) {
        return ScpiVocabulary.suggest(typed, history.entries(), 12);
    }

    // Commands

    /** Loads history and favourites in the background. */
    public void load() {
        dispatcher.background(() -> {
            try {
                List<String> h = historyStore.load(List.of());
                List<Favorite> f = favoritesStore.load(defaultFavorites());
                dispatcher.ui(() -> {
                    history.setAll(h);
                    favorites.setAll(f);
                });
            } catch (IOException e) {
                notifier.error("Loading the command history failed", e);
            }
        });
    }

    /** Sends what is in the command field (Enter), clearing it. */
    public void send() {
        String c = command.get() == null ? "" : command.get().strip();
        if (c.isEmpty()) {
            return;
        }
        command.set("");
        send(c);
    }

    /** Sends {@code c} in the current mode (buttons, favourites). */
    public void send(String c) {
        history.add(c);
        saveHistory();
        ActiveConnection conn = connection.get();
        Instant at = clock.instant();
        if (conn == null) {
            add(new TranscriptEntry(at, c, TranscriptEntry.Outcome.FAILED, "not connected", null));
            return;
        }
        boolean query = mode.get().queries(c);
        Terminator t = terminator.get();
        Duration wait = timeout.get();
        if (query) {
            busy.set(++inFlight > 0);
        }
        // the line appears at once, in the order sent, and is completed in place
        TranscriptEntry pending = new TranscriptEntry(at, c, TranscriptEntry.Outcome.PENDING, "", null);
        add(pending);
        Runnable task = () -> {
            TranscriptEntry e;
            try {
                e = query ? query(conn, t, c, wait, at) : write(conn, t, c, wait, at);
            } catch (Error fatal) {
                // the line and the busy mark end whatever happened; the uncaught-error handler reports it
                TranscriptEntry failed = new TranscriptEntry(at, c, TranscriptEntry.Outcome.FAILED,
                        "internal error: " + fatal, null);
                dispatcher.ui(() -> finish(query, pending, failed));
                throw fatal;
            }
            dispatcher.ui(() -> finish(query, pending, e));
        };
        try {
            dispatcher.background(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: the command never left, and must not leave the console busy
            finish(query, pending, new TranscriptEntry(at, c, TranscriptEntry.Outcome.FAILED,
                    "not sent: the console is shutting down", null));
        }
    }

    /** Ends a command sent by {@link #send(String)}: clears its part of busy, completes its line. FX thread. */
    private void finish(boolean query, TranscriptEntry pending, TranscriptEntry done) {
        if (query) {
            busy.set(--inFlight > 0);
        }
        complete(pending, done);
    }

    /** Up: an older command into the field. */
    public void historyUp() {
        command.set(history.previous(command.get()));
    }

    /** Down: a newer command (or the draft) into the field. */
    public void historyDown() {
        command.set(history.next());
    }

    public void addFavorite(String name, String cmd) {
        if (cmd == null || cmd.isBlank()) {
            return;
        }
        favorites.add(new Favorite(name, cmd.strip()));
        saveFavorites();
    }

    /** Replaces the favourite at {@code index}. */
    public void editFavorite(int index, String name, String cmd) {
        if (index < 0 || index >= favorites.size() || cmd == null || cmd.isBlank()) {
            return;
        }
        favorites.set(index, new Favorite(name, cmd.strip()));
        saveFavorites();
    }

    public void removeFavorite(Favorite f) {
        if (favorites.remove(f)) {
            saveFavorites();
        }
    }

    /**
     * Whether each answer carrying a block is handed to the {@link BlockViewer} as it arrives
     * (without the keyboard); when false the transcript line offers it ({@link #openBlock}).
     */
    public BooleanProperty autoOpenBlocksProperty() {
        return autoOpenBlocks;
    }

    /** Where block-carrying answers are shown; null: nowhere. FX thread. */
    public void setBlockViewer(BlockViewer viewer) {
        this.blockViewer = viewer;
    }

    /** Opens the block of a transcript line in the viewer, at the user's request. */
    public void openBlock(TranscriptEntry e) {
        if (e != null && e.hasBlock() && blockViewer != null) {
            blockViewer.view(e.block(), true);
        }
    }

    public void clearTranscript() {
        transcript.clear();
    }

    // Internals

    private TranscriptEntry query(ActiveConnection conn, Terminator t, String c, Duration wait, Instant at) {
        try {
            Response r = conn.session(t).query(c, wait);
            if (r.hasBlock()) {
                dispatcher.ui(() -> {
                    if (autoOpenBlocks.get() && blockViewer != null) {
                        blockViewer.view(r, false);
                    }
                });
            }
            return new TranscriptEntry(at, c, TranscriptEntry.Outcome.ANSWERED, answerText(r), r.roundTrip(), r);
        } catch (QueryTimeoutException e) {
            String arrived = e.bytesArrived() == 0 ? "nothing arrived"
                    : e.bytesArrived() + " bytes arrived, last: " + Escapes.escape(e.lastBytes());
            String hint = c.contains("?") ? "" : " (a command without '?' gets no answer: Auto or Write mode sends it"
                    + " without waiting)";
            return new TranscriptEntry(at, c, TranscriptEntry.Outcome.TIMED_OUT,
                    "no answer in " + wait.toMillis() + " ms; " + arrived + hint, null);
        } catch (IOException | RuntimeException e) {
            return new TranscriptEntry(at, c, TranscriptEntry.Outcome.FAILED,
                    org.streamframer.app.ui.PlainWords.describe(e), null);
        }
    }

    private static TranscriptEntry write(ActiveConnection conn, Terminator t, String c, Duration wait, Instant at) {
        try {
            conn.session(t).write(c, wait); // waits at most the timeout for a query in progress
            return new TranscriptEntry(at, c, TranscriptEntry.Outcome.WRITTEN, "", null);
        } catch (IOException | RuntimeException e) {
            return new TranscriptEntry(at, c, TranscriptEntry.Outcome.FAILED,
                    org.streamframer.app.ui.PlainWords.describe(e), null);
        }
    }

    static String answerText(Response r) {
        if (r.hasBlock()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.blocks().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append("block of ").append(r.blocks().get(i).length()).append(" bytes");
            }
            return "<" + sb + ">";
        }
        return Escapes.escape(r.text().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** Replaces {@code pending} (the same object, searched from the newest) by its outcome. */
    private void complete(TranscriptEntry pending, TranscriptEntry done) {
        for (int i = transcript.size() - 1; i >= 0; i--) {
            if (transcript.get(i) == pending) {
                transcript.set(i, done);
                if (done.hasBlock()) {
                    forgetOldBlocks();
                }
                return;
            }
        }
        // trimmed away meanwhile (over TRANSCRIPT_LIMIT lines later): nothing left to complete
    }

    /** Drops the bytes of all but the newest {@link #BLOCKS_KEPT} block answers (a screenshot each). */
    private void forgetOldBlocks() {
        int kept = 0;
        for (int i = transcript.size() - 1; i >= 0; i--) {
            TranscriptEntry e = transcript.get(i);
            if (e.hasBlock() && ++kept > BLOCKS_KEPT) {
                transcript.set(i, new TranscriptEntry(e.time(), e.command(), e.outcome(), e.answer(), e.roundTrip()));
            }
        }
    }

    private void add(TranscriptEntry e) {
        transcript.add(e);
        if (transcript.size() > TRANSCRIPT_LIMIT) {
            transcript.remove(0, transcript.size() - TRANSCRIPT_LIMIT);
        }
    }

    private void saveHistory() {
        historySaver.save(new ArrayList<>(history.entries()));
    }

    private void saveFavorites() {
        favoritesSaver.save(new ArrayList<>(favorites));
    }

    static List<Favorite> defaultFavorites() {
        return List.of(new Favorite("Read voltage", "MEAS:VOLT:DC?"), new Favorite("Errors", "SYST:ERR?"));
    }
}
