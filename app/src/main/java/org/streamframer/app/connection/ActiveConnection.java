package org.streamframer.app.connection;

import java.util.Objects;

import org.streamframer.framing.reader.ReaderService;
import org.streamframer.framing.scpi.InstrumentSession;
import org.streamframer.framing.scpi.Terminator;

/**
 * One open connection: its reader, the SCPI session on top, the raw byte capture and (for the
 * simulated instrument) the simulator it started. Closing it stops all of them. Immutable.
 */
public final class ActiveConnection implements AutoCloseable {

    private final ConnectionProfile profile;
    private final ReaderService reader;
    private final InstrumentSession session;
    private final RawCapture raw;
    private final Simulators.Running simulator;

    ActiveConnection(ConnectionProfile profile, ReaderService reader, InstrumentSession session, RawCapture raw,
                     Simulators.Running simulator) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.session = Objects.requireNonNull(session, "session");
        this.raw = Objects.requireNonNull(raw, "raw");
        this.simulator = simulator;
    }

    /** The profile it was opened with. */
    public ConnectionProfile profile() {
        return profile;
    }

    /** The reader: send bytes, change the rule, add listeners, read stats. */
    public ReaderService reader() {
        return reader;
    }

    /** SCPI write/query over the reader, with the profile's terminator. */
    public InstrumentSession session() {
        return session;
    }

    /**
     * A SCPI session with terminator {@code t}: the profile's own session, or the same session
     * with another terminator ({@link InstrumentSession#withTerminator}): queries of the console
     * and of the plot take turns on it and never take each other's answers, whatever their
     * terminators.
     */
    public InstrumentSession session(Terminator t) {
        return session.withTerminator(t);
    }

    /** The received bytes before framing. */
    public RawCapture raw() {
        return raw;
    }

    /** "tcp 127.0.0.1:40123 (simulated instrument)". */
    public String describe() {
        return reader.describe() + (simulator != null ? " (simulated instrument)" : "");
    }

    /** Stops the session, the reader (joining its thread) and the simulator. Blocking, up to ~1 s. */
    @Override
    public void close() {
        try {
            session.close();
        } finally {
            try {
                reader.close();
            } finally {
                if (simulator != null) {
                    simulator.close();
                }
            }
        }
    }
}
