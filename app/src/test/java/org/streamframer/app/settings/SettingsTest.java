package org.streamframer.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void settingsRoundTripAndDefaultsWhenMissing() throws Exception {
        JsonStore<AppSettings> store = JsonStore.of(dir.resolve("settings.json"), AppSettings.class);
        assertEquals(AppSettings.defaults(), store.load(AppSettings.defaults()));
        AppSettings s = AppSettings.defaults().withDark(true).withWindow(10, 20, 1500, 900, false)
                .withLayout(0.3, 0.55, 1).withFrameCap(5000).withHexContent(true).withLastProfile("Bench")
                .withBlockViewerAuto(false).withRawLog(org.streamframer.app.log.RawDirections.BOTH);
        store.save(s);
        assertEquals(s, store.load(AppSettings.defaults()));
        assertEquals(org.streamframer.app.log.RawDirections.BOTH, store.load(AppSettings.defaults()).rawLog());
        assertEquals(false, store.load(AppSettings.defaults()).blockViewerAuto());
    }

    @Test
    void aSettingsFileFromBeforeTheBlockAndRawLogChoicesGetsTheirDefaults() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("settings.json"), "{\"dark\": true, \"frameCap\": 500}");
        AppSettings s = JsonStore.of(dir.resolve("settings.json"), AppSettings.class).load(AppSettings.defaults());
        assertEquals(true, s.dark());
        assertEquals(true, s.blockViewerAuto(), "the block viewer opens by itself unless turned off");
        assertEquals(org.streamframer.app.log.RawDirections.RX, s.rawLog(), "raw logs kept RX before the choice");
    }

    @Test
    void configDirFollowsOverrideThenXdgThenHome() {
        assertEquals(Path.of("/x"), ConfigDir.resolve("/x", Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/u").path());
        assertEquals(Path.of("/xdg/streamframer"), ConfigDir.resolve(null, Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/u").path());
        assertEquals(Path.of("/home/u/.config/streamframer"), ConfigDir.resolve("", Map.of(), "/home/u").path());
    }
}
