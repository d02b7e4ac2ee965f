package org.streamframer.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.streamframer.app.TestSupport.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.command.CommandViewModel;
import org.streamframer.app.command.TranscriptEntry;
import org.streamframer.app.frames.ContentFormat;
import org.streamframer.app.frames.FramesViewModel;
import org.streamframer.app.frames.RuleFactory;
import org.streamframer.app.frames.RuleKind;
import org.streamframer.app.frames.RuleSpec;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.sim.SimulatedInstrument;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.app.ui.NotificationCenter;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.rules.DelimiterRule;

/** The connection ViewModel against the real built-in simulator, no screen. */
class ConnectionViewModelTest {

    @TempDir
    Path dir;

    private final Dispatcher d = Dispatcher.currentThread();
    private final NotificationCenter notices = new NotificationCenter(d, Clock.systemUTC());
    private final ConnectionViewModel vm = new ConnectionViewModel(d, new Connector(List::of, new BuiltInSimulator()),
            List::of, notices, RuleFactory::build);

    @AfterEach
    void close() {
        vm.shutdown();
    }

    @Test
    void disconnectingIsNoLostConnection() throws InterruptedException {
        vm.connect();
        await("connected", 10_000, () -> vm.stateProperty().get() == LinkState.CONNECTED, () -> vm.stateDetailProperty().get());
        long shown = notices.shownCount();
        vm.disconnect(); // closes the connection and the simulator (inline here)
        Thread.sleep(300); // the reader's last state events arrive on its delivery thread
        assertEquals(LinkState.DISCONNECTED, vm.stateProperty().get());
        assertEquals(shown, notices.shownCount(), "no error notice for a disconnect the user asked for: "
                + notices.currentProperty().get());
    }

    @Test
    void connectsToTheSimulatorQueriesAndSendsTheOnConnectCommands() {
        FramesViewModel frames = new FramesViewModel(d, 1000);
        vm.addListener(frames);
        vm.onConnectProperty().set("*CLS\n\n");
        vm.connect();
        await("connected", 10_000, () -> vm.stateProperty().get() == LinkState.CONNECTED, () -> vm.stateDetailProperty().get());
        assertTrue(vm.stateDetailProperty().get().startsWith("simulated instrument at tcp 127.0.0.1:"),
                vm.stateDetailProperty().get());
        assertNotNull(vm.currentProperty().get());
        await("the on-connect *CLS as a TX frame", 5_000, () -> frames.allRows().stream()
                .anyMatch(r -> r.direction() == Direction.TX && r.content(ContentFormat.TEXT).equals("*CLS\\n")));

        CommandViewModel cmd = new CommandViewModel(d, notices, () -> vm.currentProperty().get(), new ConfigDir(dir),
                Clock.systemUTC());
        cmd.send("*IDN?");
        TranscriptEntry e = cmd.transcript().get(0);
        assertEquals(TranscriptEntry.Outcome.ANSWERED, e.outcome(), e.answer());
        assertEquals(SimulatedInstrument.IDENTITY, e.answer());
        assertNotNull(e.roundTrip());

        cmd.modeProperty().set(org.streamframer.app.command.CommandMode.QUERY);
        cmd.timeoutProperty().set(java.time.Duration.ofMillis(300));
        cmd.send("*CLS");
        TranscriptEntry timeout = cmd.transcript().get(1);
        assertEquals(TranscriptEntry.Outcome.TIMED_OUT, timeout.outcome());
        assertEquals("no answer in 300 ms; nothing arrived (a command without '?' gets no answer: Auto or Write mode"
                + " sends it without waiting)", timeout.answer());

        org.streamframer.app.frames.DetectViewModel detect = new org.streamframer.app.frames.DetectViewModel(d,
                () -> vm.currentProperty().get(), k -> vm.setFraming(RuleSpec.defaults(k), null));
        detect.detect();
        assertEquals(RuleKind.LF, detect.proposalProperty().get(), detect.messageProperty().get());
        assertTrue(detect.messageProperty().get().startsWith("The answer ends in LF: …"), detect.messageProperty().get());
        detect.useProposal();
        assertEquals(RuleKind.LF, vm.framingProperty().get().kind());

        vm.setFraming(RuleSpec.defaults(RuleKind.CRLF), null);
        assertTrue(vm.currentProperty().get().reader().rule() instanceof DelimiterRule);
        vm.disconnect();
        assertEquals(LinkState.DISCONNECTED, vm.stateProperty().get());
    }

    @Test
    void transcriptLinesKeepTheOrderSentWhateverOrderTheyFinishIn() {
        vm.connect();
        await("connected", 10_000, () -> vm.stateProperty().get() == LinkState.CONNECTED);
        List<Runnable> deferred = new java.util.ArrayList<>();
        Dispatcher later = new Dispatcher() {
            @Override
            public void background(Runnable task) {
                deferred.add(task);
            }

            @Override
            public void ui(Runnable task) {
                task.run();
            }
        };
        CommandViewModel cmd = new CommandViewModel(later, notices, () -> vm.currentProperty().get(),
                new ConfigDir(dir), Clock.systemUTC());
        cmd.timeoutProperty().set(java.time.Duration.ofMillis(300));
        cmd.send("BOGUS?");
        cmd.send("*OPC?");
        assertEquals(List.of(TranscriptEntry.Outcome.PENDING, TranscriptEntry.Outcome.PENDING),
                cmd.transcript().stream().map(TranscriptEntry::outcome).toList());
        assertTrue(cmd.busyProperty().get());
        // the history saves are deferred too; run the two queries last-sent first
        List<Runnable> queries = deferred.subList(deferred.size() - 2, deferred.size());
        queries.get(1).run();
        queries.get(0).run();
        assertEquals(List.of("BOGUS?", "*OPC?"), cmd.transcript().stream().map(TranscriptEntry::command).toList());
        assertEquals(TranscriptEntry.Outcome.TIMED_OUT, cmd.transcript().get(0).outcome());
        assertEquals("1", cmd.transcript().get(1).answer());
        assertTrue(!cmd.busyProperty().get());
    }

    @Test
    void aRefusedPortFailsWithTheReasonShownOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        vm.kindProperty().set(TransportKind.TCP_CLIENT);
        vm.hostProperty().set("127.0.0.1");
        vm.portProperty().set(Integer.toString(port));
        vm.connect();
        await("failed", 10_000, () -> vm.stateProperty().get() == LinkState.FAILED, () -> vm.stateProperty().get().toString());
        assertTrue(vm.stateDetailProperty().get().toLowerCase().contains("refused"), vm.stateDetailProperty().get());
        assertEquals(1, notices.shownCount());
        String text = notices.currentProperty().get().text();
        assertTrue(text.startsWith("Connection failed: ") && text.contains("127.0.0.1:" + port), text);
    }

    @Test
    void aProfileWithFramingTheLibraryRefusesKeepsTheCurrentRuleAndSaysWhy() {
        RuleSpec before = vm.framingProperty().get();
        RuleSpec refused = new RuleSpec(RuleKind.LENGTH_FIELD, 50, "", false, false, 16, 100, 2, false, 0, 0, 50, "LF");
        vm.load(ConnectionProfile.defaultProfile().withFraming(refused));
        assertEquals(before, vm.framingProperty().get());
        assertTrue(notices.currentProperty().get().text().startsWith(
                "The profile's framing (Length field (2 bytes at 100, big-endian)) cannot be used: "),
                notices.currentProperty().get().text());
    }

    @Test
    void badFieldsAreMarkedAndBlockConnecting() {
        vm.kindProperty().set(TransportKind.TCP_CLIENT);
        vm.hostProperty().set(" ");
        vm.portProperty().set("70000");
        assertEquals("is required", vm.errors().get(ConnectionViewModel.Field.HOST));
        assertEquals("must be a port from 1 to 65535 (got '70000')", vm.errors().get(ConnectionViewModel.Field.PORT));
        vm.connect();
        assertEquals(LinkState.DISCONNECTED, vm.stateProperty().get());
        assertTrue(notices.currentProperty().get().text().startsWith("Cannot connect: host is required"));
        vm.kindProperty().set(TransportKind.SERIAL);
        vm.baudProperty().set("12");
        assertTrue(vm.errors().containsKey(ConnectionViewModel.Field.BAUD));
        assertTrue(vm.errors().containsKey(ConnectionViewModel.Field.SERIAL_PORT));
        vm.serialPortProperty().set("/dev/pts/7");
        vm.baudProperty().set("115200");
        assertTrue(vm.errors().isEmpty());
        assertEquals("serial /dev/pts/7 115200 8N1", vm.profile().settings().describe());
    }
}
