package org.streamframer.app.connection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.settings.JsonStore;
import org.streamframer.app.settings.Saver;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.app.ui.Notifier;

/**
 * Saved connection profiles ({@code profiles.json}): choose one to fill the connection form,
 * save the form under its name, delete. The chosen profile's name is reported so the next start
 * restores it.
 */
public final class ProfilesViewModel {

    private final ConnectionViewModel form;
    private final ProfileStore store;
    private final Saver<List<ConnectionProfile>> saver;
    private final Dispatcher dispatcher;
    private final Notifier notifier;
    private final Consumer<String> onChosen;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>(this, "selected");

    /** @param onChosen told the name of each profile chosen or saved (for "restore the last one") */
    public ProfilesViewModel(ConnectionViewModel form, ConfigDir dir, Dispatcher dispatcher, Notifier notifier,
                             Consumer<String> onChosen) {
        this.form = Objects.requireNonNull(form, "form");
        this.store = new ProfileStore(dir);
        this.saver = new Saver<>(JsonStore.listOf(dir.file("profiles.json"), ConnectionProfile.class), dispatcher,
                notifier, "the connection profiles");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.onChosen = Objects.requireNonNull(onChosen, "onChosen");
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    /** The profile shown in the picker. */
    public ObjectProperty<ConnectionProfile> selectedProperty() {
        return selected;
    }

    /**
     * Loads the profiles in the background and fills the form with {@code lastName} (or the first);
     * then runs {@code then} on the FX thread (e.g. connect at start).
     */
    public void load(String lastName, Runnable then) {
        dispatcher.background(() -> {
            List<ConnectionProfile> list;
            try {
                list = store.load();
            } catch (IOException e) {
                notifier.error("Loading the connection profiles failed; starting with the simulated instrument", e);
                list = List.of(ConnectionProfile.defaultProfile());
            }
            List<ConnectionProfile> loaded = list;
            dispatcher.ui(() -> {
                profiles.setAll(loaded);
                ConnectionProfile p = loaded.stream().filter(x -> x.name().equals(lastName)).findFirst()
                        .orElse(loaded.get(0));
                selected.set(p);
                form.load(p);
                then.run();
            });
        });
    }

    /** Fills the form with {@code p}. */
    public void choose(ConnectionProfile p) {
        if (p == null) {
            return;
        }
        selected.set(p);
        form.load(p);
        onChosen.accept(p.name());
    }

    /** Saves the form as a profile under its name (replacing one of the same name). */
    public boolean saveCurrent() {
        ConnectionProfile p = form.profile();
        if (p == null) {
            notifier.error("The profile was not saved: a connection field is not valid");
            return false;
        }
        int i = indexOf(p.name());
        if (i >= 0) {
            profiles.set(i, p);
        } else {
            profiles.add(p);
        }
        selected.set(p);
        saver.save(new ArrayList<>(profiles));
        onChosen.accept(p.name());
        return true;
    }

    /** Keeps the framing the user applied in the selected profile, so it is there next time. */
    public void rememberFraming(org.streamframer.app.frames.RuleSpec spec) {
        ConnectionProfile p = selected.get();
        if (p == null || spec == null || spec.equals(p.framing())) {
            return;
        }
        int i = indexOf(p.name());
        if (i >= 0) {
            ConnectionProfile updated = p.withFraming(spec);
            profiles.set(i, updated);
            selected.set(updated);
            saver.save(new ArrayList<>(profiles));
        }
    }

    /** Deletes the selected profile (the last one cannot be deleted). */
    public void deleteSelected() {
        ConnectionProfile p = selected.get();
        if (p == null || profiles.size() <= 1) {
            return;
        }
        profiles.remove(p);
        selected.set(profiles.get(0));
        form.load(profiles.get(0));
        saver.save(new ArrayList<>(profiles));
        onChosen.accept(profiles.get(0).name());
    }

    /** Writes any pending save now (exit). */
    public void flush() {
        saver.flush();
    }

    private int indexOf(String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
