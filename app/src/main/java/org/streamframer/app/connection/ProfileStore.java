package org.streamframer.app.connection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.settings.JsonStore;

/** The saved profiles, in {@code profiles.json}. Blocking: call from a background thread. */
public final class ProfileStore {

    private final JsonStore<List<ConnectionProfile>> store;

    public ProfileStore(ConfigDir dir) {
        this.store = JsonStore.listOf(dir.file("profiles.json"), ConnectionProfile.class);
    }

    /** The saved profiles; the default profile alone when nothing is saved yet. */
    public List<ConnectionProfile> load() throws IOException {
        List<ConnectionProfile> list = store.load(List.of());
        return list.isEmpty() ? List.of(ConnectionProfile.defaultProfile()) : List.copyOf(list);
    }

    public void save(List<ConnectionProfile> profiles) throws IOException {
        store.save(new ArrayList<>(profiles));
    }
}
