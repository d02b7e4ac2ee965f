package org.streamframer.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.app.ui.NotificationCenter;

class CommandViewModelTest {

    @TempDir
    Path dir;

    private CommandViewModel vm() {
        Dispatcher d = Dispatcher.currentThread();
        return new CommandViewModel(d, new NotificationCenter(d, Clock.systemUTC()), () -> null, new ConfigDir(dir),
                Clock.systemUTC());
    }

    @Test
    void historyIsPersistedAndRestoredAcrossRestarts() throws Exception {
        CommandViewModel first = vm();
        first.load();
        for (String c : List.of("*IDN?", "MEAS:VOLT:DC?", "*IDN?", "SYST:ERR?")) {
            first.commandProperty().set(c);
            first.send();
        }
        assertEquals(List.of("MEAS:VOLT:DC?", "*IDN?", "SYST:ERR?"), first.history());
        assertTrue(Files.readString(dir.resolve("history.json")).contains("MEAS:VOLT:DC?"));

        CommandViewModel second = vm();
        second.load();
        assertEquals(List.of("MEAS:VOLT:DC?", "*IDN?", "SYST:ERR?"), second.history());
        second.commandProperty().set("draft");
        second.historyUp();
        assertEquals("SYST:ERR?", second.commandProperty().get());
        second.historyUp();
        second.historyUp();
        second.historyUp(); // stays on the oldest
        assertEquals("MEAS:VOLT:DC?", second.commandProperty().get());
        second.historyDown();
        assertEquals("*IDN?", second.commandProperty().get());
        second.historyDown();
        second.historyDown();
        assertEquals("draft", second.commandProperty().get(), "past the newest gives the draft back");
    }

    /** What the block viewer was asked to show: the command and whether the user asked. */
    private record Viewed(String command, boolean userAsked) { }

    @Test
    void aBlockAnswerIsShownWithoutTheKeyboardAndItsLineReopensItOnRequest() throws Exception {
        org.streamframer.app.connection.ConnectionProfile p =
                org.streamframer.app.connection.ConnectionProfile.defaultProfile();
        java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
        try (org.streamframer.app.connection.ActiveConnection conn = new org.streamframer.app.connection.Connector(
                List::of, new org.streamframer.app.connection.BuiltInSimulator())
                .open(p, org.streamframer.app.frames.RuleFactory.build(p.framing()),
                        new org.streamframer.framing.reader.ReaderListener() {
                            @Override
                            public void onState(org.streamframer.framing.reader.StateEvent e) {
                                if (e.state() == org.streamframer.framing.reader.ConnectionState.CONNECTED) {
                                    connected.countDown();
                                }
                            }
                        })) {
            assertTrue(connected.await(10, java.util.concurrent.TimeUnit.SECONDS), "connected to the simulator");
            Dispatcher d = Dispatcher.currentThread();
            CommandViewModel vm = new CommandViewModel(d, new NotificationCenter(d, Clock.systemUTC()), () -> conn,
                    new ConfigDir(dir), Clock.systemUTC());
            java.util.List<Viewed> viewed = new java.util.ArrayList<>();
            vm.setBlockViewer((r, asked) -> viewed.add(new Viewed(r.command(), asked)));
            vm.timeoutProperty().set(java.time.Duration.ofSeconds(10));

            vm.send("HCOP:SDUM:DATA?"); // the default: shown as it arrives, the keyboard left alone
            assertEquals(List.of(new Viewed("HCOP:SDUM:DATA?", false)), viewed);
            TranscriptEntry shot = vm.transcript().get(0);
            assertEquals(TranscriptEntry.Outcome.ANSWERED, shot.outcome(), shot.answer());
            assertTrue(shot.hasBlock() && shot.answer().startsWith("<block of "), shot.answer());

            vm.autoOpenBlocksProperty().set(false);
            vm.send("*IDN?");
            vm.send("WAV:DATA?");
            assertEquals(1, viewed.size(), "with auto-open off nothing opens by itself: " + viewed);
            assertTrue(!vm.transcript().get(1).hasBlock() && vm.transcript().get(2).hasBlock());
            vm.openBlock(vm.transcript().get(2));
            vm.openBlock(vm.transcript().get(1)); // no block: nothing
            assertEquals(new Viewed("WAV:DATA?", true), viewed.get(1));
            assertEquals(2, viewed.size());

            vm.modeProperty().set(CommandMode.QUERY);
            vm.timeoutProperty().set(java.time.Duration.ofMillis(300));
            vm.send("*RST");
            TranscriptEntry rst = vm.transcript().get(vm.transcript().size() - 1);
            assertEquals(TranscriptEntry.Outcome.TIMED_OUT, rst.outcome());
            assertTrue(rst.answer().startsWith("no answer in 300 ms; nothing arrived (a command without '?' gets no"
                    + " answer: Auto or Write mode"), rst.answer());
            vm.modeProperty().set(CommandMode.AUTO);
            vm.timeoutProperty().set(java.time.Duration.ofSeconds(10));
            for (int i = 0; i < CommandViewModel.BLOCKS_KEPT; i++) {
                vm.send("WAV:DATA?");
            }
            assertTrue(!vm.transcript().get(0).hasBlock() && !vm.transcript().get(2).hasBlock(),
                    "the oldest answers let their blocks go");
            assertEquals(CommandViewModel.BLOCKS_KEPT, vm.transcript().stream().filter(TranscriptEntry::hasBlock)
                    .count());
            assertTrue(vm.transcript().get(2).answer().startsWith("<block of "), "the line still says what came");
        }
    }

    @Test
    void sendingWithoutAConnectionSaysSoInTheTranscript() {
        CommandViewModel vm = vm();
        vm.commandProperty().set("  *RST  ");
        vm.send();
        assertEquals("", vm.commandProperty().get());
        TranscriptEntry e = vm.transcript().get(0);
        assertEquals("*RST", e.command());
        assertEquals(TranscriptEntry.Outcome.FAILED, e.outcome());
        assertEquals("not connected", e.answer());
    }

    @Test
    void favouritesArePersistedWithDefaultsOnFirstStart() {
        CommandViewModel vm = vm();
        vm.load();
        assertEquals(CommandViewModel.defaultFavorites(), vm.favorites());
        vm.addFavorite("Ramp", "SOUR:VOLT 5");
        vm.editFavorite(0, "DC volts", "MEAS:VOLT:DC?");
        vm.removeFavorite(vm.favorites().get(1));
        CommandViewModel again = vm();
        again.load();
        assertEquals(List.of(new Favorite("DC volts", "MEAS:VOLT:DC?"), new Favorite("Ramp", "SOUR:VOLT 5")),
                again.favorites());
    }

    @Test
    void completionOffersHistoryFirstThenScpiVocabulary() {
        CommandViewModel vm = vm();
        vm.send("MEAS:VOLT:DC? 10,0.001");
        List<String> s = vm.suggestions("meas:v");
        assertEquals("MEAS:VOLT:DC? 10,0.001", s.get(0));
        assertTrue(s.contains("MEAS:VOLT:DC?") && s.contains("MEAS:VOLT:AC?"), s.toString());
        assertEquals(List.of(), vm.suggestions(" "));
    }

    @Test
    void modeDecidesQueryOrWrite() {
        assertTrue(CommandMode.AUTO.queries("*IDN? "));
        assertTrue(!CommandMode.AUTO.queries("*RST"));
        assertTrue(CommandMode.QUERY.queries("*RST"));
        assertTrue(!CommandMode.WRITE.queries("*IDN?"));
    }
}
