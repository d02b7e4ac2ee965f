package org.streamframer.app.ui;

import java.io.IOException;
import java.util.Objects;
import java.util.function.UnaryOperator;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import org.streamframer.app.settings.AppSettings;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.settings.JsonStore;
import org.streamframer.app.settings.Saver;

/** The remembered settings ({@code settings.json}); every change is saved in the background. */
public final class SettingsViewModel {

    private final JsonStore<AppSettings> store;
    private final Saver<AppSettings> saver;
    private final Notifier notifier;
    private final ReadOnlyObjectWrapper<AppSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings",
            AppSettings.defaults());
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    /** @param initial the settings read at start ({@link #read}) */
    public SettingsViewModel(ConfigDir dir, AppSettings initial, Dispatcher dispatcher, Notifier notifier) {
        this.store = JsonStore.of(dir.file("settings.json"), AppSettings.class);
        this.saver = new Saver<>(store, dispatcher, notifier, "the settings");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        settings.set(Objects.requireNonNull(initial, "initial"));
        dark.set(initial.dark());
        dark.addListener((o, a, b) -> update(s -> s.withDark(b)));
    }

    /**
     * Reads the saved settings, defaults when there are none. Blocking but tiny: called once at
     * start, off the FX thread ({@code Application.init}), because the window's size and theme
     * depend on it.
     *
     * @throws IOException when the file exists but cannot be read (the message names it)
     */
    public static AppSettings read(ConfigDir dir) throws IOException {
        return JsonStore.of(dir.file("settings.json"), AppSettings.class).load(AppSettings.defaults());
    }

    public ReadOnlyObjectProperty<AppSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public AppSettings get() {
        return settings.get();
    }

    /** The dark theme is on. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Changes the settings and saves them in the background. */
    public void update(UnaryOperator<AppSettings> change) {
        AppSettings next = change.apply(settings.get());
        if (!next.equals(settings.get())) {
            settings.set(next);
            saver.save(next);
        }
    }

    /** Writes a pending save now (exit). */
    public void flush() {
        saver.flush();
    }
}
