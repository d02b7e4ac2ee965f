package org.streamframer.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.frames.RuleFactory;
import org.streamframer.app.frames.RuleKind;
import org.streamframer.app.frames.RuleSpec;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.app.ui.NotificationCenter;
import org.streamframer.framing.scpi.Terminator;

class ProfilesViewModelTest {

    @TempDir
    Path dir;

    private final Dispatcher d = Dispatcher.currentThread();
    private final List<String> chosen = new ArrayList<>();

    private ConnectionViewModel form() {
        return new ConnectionViewModel(d, new Connector(List::of, new BuiltInSimulator()), List::of,
                new NotificationCenter(d, Clock.systemUTC()), RuleFactory::build);
    }

    @Test
    void savedProfilesComeBackAndTheLastOneIsRestored() {
        ConnectionViewModel form = form();
        ProfilesViewModel p = new ProfilesViewModel(form, new ConfigDir(dir), d, new NotificationCenter(d, Clock.systemUTC()), chosen::add);
        boolean[] loaded = {false};
        p.load(null, () -> loaded[0] = true);
        assertEquals(List.of(ConnectionProfile.DEFAULT_NAME), p.profiles().stream().map(ConnectionProfile::name).toList());
        form.profileNameProperty().set("Scope");
        form.kindProperty().set(TransportKind.TCP_CLIENT);
        form.hostProperty().set("10.1.2.3");
        form.portProperty().set("5555");
        form.terminatorProperty().set(Terminator.CRLF);
        form.onConnectProperty().set("*RST\nSYST:REM");
        form.setFraming(RuleSpec.defaults(RuleKind.CRLF), null);
        p.saveCurrent();
        p.rememberFraming(RuleSpec.defaults(RuleKind.EOT));
        assertEquals("Scope", chosen.get(chosen.size() - 1));

        ConnectionViewModel again = form();
        ProfilesViewModel q = new ProfilesViewModel(again, new ConfigDir(dir), d, new NotificationCenter(d, Clock.systemUTC()), n -> { });
        q.load("Scope", () -> { });
        assertEquals(2, q.profiles().size());
        assertEquals(TransportKind.TCP_CLIENT, again.kindProperty().get());
        assertEquals("10.1.2.3", again.hostProperty().get());
        assertEquals("5555", again.portProperty().get());
        assertEquals(Terminator.CRLF, again.terminatorProperty().get());
        assertEquals("*RST\nSYST:REM", again.onConnectProperty().get());
        assertEquals(RuleKind.EOT, again.framingProperty().get().kind(), "the framing applied last is remembered");

        q.choose(q.profiles().get(0));
        assertEquals(TransportKind.SIMULATOR, again.kindProperty().get());
        q.deleteSelected();
        assertEquals(1, q.profiles().size());
        q.deleteSelected();
        assertEquals(1, q.profiles().size(), "the last profile stays");
        assertFalse(loaded[0] && q.profiles().isEmpty());
    }
}
