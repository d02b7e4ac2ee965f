package org.streamframer.app.connection;

import java.util.List;
import java.util.Objects;

import org.streamframer.app.frames.RuleKind;
import org.streamframer.app.frames.RuleSpec;
import org.streamframer.framing.scpi.Terminator;

/**
 * A saved connection: everything needed to reach an instrument and talk to it the same way
 * again. Stored as JSON by {@link ProfileStore}.
 *
 * @param terminator  what the command console appends to each command
 * @param onConnect   commands sent, in order, right after connecting
 */
public record ConnectionProfile(String name, ConnectionSettings settings, RuleSpec framing, Terminator terminator,
                                List<String> onConnect, boolean autoReconnect) {

    /** The profile a new user starts with. */
    public static final String DEFAULT_NAME = "Simulated instrument";

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        settings = settings == null ? ConnectionSettings.simulator() : settings;
        framing = framing == null ? RuleSpec.defaults(RuleKind.LF) : framing;
        terminator = terminator == null ? Terminator.LF : terminator;
        onConnect = onConnect == null ? List.of() : List.copyOf(onConnect);
    }

    /** The first-start profile: the simulated instrument, SCPI response framing (blocks), LF terminator. */
    public static ConnectionProfile defaultProfile() {
        return new ConnectionProfile(DEFAULT_NAME, ConnectionSettings.simulator(), RuleSpec.defaults(RuleKind.SCPI),
                Terminator.LF, List.of(), false);
    }

    public ConnectionProfile withName(String n) {
        return new ConnectionProfile(n, settings, framing, terminator, onConnect, autoReconnect);
    }

    public ConnectionProfile withFraming(RuleSpec spec) {
        return new ConnectionProfile(name, settings, spec, terminator, onConnect, autoReconnect);
    }
}
