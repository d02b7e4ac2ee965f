package org.streamframer.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.streamframer.app.TestSupport.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.command.CommandViewModel;
import org.streamframer.app.command.TranscriptEntry;
import org.streamframer.app.frames.RuleFactory;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.sim.SimConfig;
import org.streamframer.app.sim.SimulatedInstrument;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.app.ui.NotificationCenter;

/** The serial transport over a real socat pty pair, and what the user sees when a link goes away. */
class SerialAndLinkLossTest {

    @TempDir
    Path dir;

    private final Dispatcher d = Dispatcher.currentThread();
    private final NotificationCenter notices = new NotificationCenter(d, Clock.systemUTC());
    private final ConnectionViewModel vm = new ConnectionViewModel(d, new Connector(List::of, new BuiltInSimulator()),
            List::of, notices, RuleFactory::build);
    private Process socat;
    private SimulatedInstrument sim;

    @AfterEach
    void close() throws InterruptedException {
        vm.shutdown();
        if (sim != null) {
            sim.close();
        }
        if (socat != null) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void talksToTheSimulatorOverASerialPtyTypedAsAPath() throws Exception {
        Path a = dir.resolve("A");
        Path b = dir.resolve("B");
        startSocat(a, b);
        sim = new SimulatedInstrument(SimConfig.ephemeral().withSerial(a.toString(), 115200).withPort(SimConfig.NO_TCP))
                .start();
        vm.kindProperty().set(TransportKind.SERIAL);
        vm.serialPortProperty().set(b.toString());
        vm.baudProperty().set("115200");
        assertTrue(vm.errors().isEmpty(), vm.errors().toString());
        vm.connect();
        await("the serial link", 10_000, () -> vm.stateProperty().get() == LinkState.CONNECTED,
                () -> vm.stateProperty().get() + " " + vm.stateDetailProperty().get());
        assertTrue(vm.stateDetailProperty().get().contains("serial"), vm.stateDetailProperty().get());
        CommandViewModel cmd = new CommandViewModel(d, notices, () -> vm.currentProperty().get(), new ConfigDir(dir),
                Clock.systemUTC());
        cmd.send("*IDN?");
        TranscriptEntry e = cmd.transcript().get(0);
        assertEquals(TranscriptEntry.Outcome.ANSWERED, e.outcome(), e.answer());
        assertEquals(SimulatedInstrument.IDENTITY, e.answer());
    }

    @Test
    void aPeerThatGoesAwayShowsLostAndWithAutoReconnectSaysItIsReconnecting() throws Exception {
        sim = new SimulatedInstrument(SimConfig.ephemeral()).start();
        vm.kindProperty().set(TransportKind.TCP_CLIENT);
        vm.hostProperty().set("127.0.0.1");
        vm.portProperty().set(Integer.toString(sim.port()));
        vm.autoReconnectProperty().set(true);
        vm.connect();
        await("connected", 10_000, () -> vm.stateProperty().get() == LinkState.CONNECTED);
        sim.close();
        await("lost", 10_000, () -> vm.stateProperty().get() == LinkState.LOST,
                () -> vm.stateProperty().get() + " " + vm.stateDetailProperty().get());
        assertTrue(vm.stateDetailProperty().get().contains("reconnecting"), vm.stateDetailProperty().get());
    }

    private void startSocat(Path a, Path b) throws Exception {
        boolean found = false;
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(p, "socat"));
        }
        if (!found) {
            fail("socat is not installed (Debian package socat; scripts/install-deps test installs it)");
        }
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        await("socat's ptys", 10_000, () -> Files.exists(a) && Files.exists(b));
    }
}
