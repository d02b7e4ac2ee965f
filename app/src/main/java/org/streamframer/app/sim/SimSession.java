package org.streamframer.app.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One client's instrument: its status registers and error queue, the DMM and scope settings,
 * and the interpreter that runs a received line against the {@link SimCommands} table.
 * Each TCP client (and the serial port) has its own; not thread-safe, one client thread owns it.
 *
 * <p>Headers are resolved as IEEE 488.2 compound headers: after {@code MEAS:VOLT:DC?}, a
 * command on the same line without a leading colon is first tried relative to {@code MEAS:VOLT:}
 * ({@code MEAS:VOLT:DC?;AC?}), then from the root ({@code MEAS:VOLT:DC?;MEAS:CURR:DC?}), as
 * lenient instruments do. Common commands ({@code *OPC?}) leave the path as it is.
 */
final class SimSession {

    /** What the stream commands drive: the client's unsolicited-line sender. */
    interface StreamControl {
        /** Starts (or changes the rate of) the stream, in lines per second. */
        void start(int linesPerSecond);

        void stop();
    }

    private final ScpiCommandTable table;
    private final String identity;
    private final long seed;
    private final StreamControl stream;
    final StatusModel status = new StatusModel();
    final Multimeter dmm;
    /** The scope's inputs; {@code channels[0]} is CHANnel1. */
    final ScopeChannel[] channels = {new ScopeChannel(1), new ScopeChannel(2)};
    /** WAVeform:SOURce: the channel WAV:DATA? reads. */
    ScopeChannel waveformSource = channels[0];
    Waveform.Format waveformFormat = Waveform.Format.WORD;
    int waveformPoints = Waveform.DEFAULT_POINTS;
    /** The next acquisition's number (0 after *RST). */
    long acquisition;
    int streamRate;

    SimSession(ScpiCommandTable table, String identity, long seed, LongSupplier clock, StreamControl stream) {
        this.table = table;
        this.identity = identity;
        this.seed = seed;
        this.stream = stream;
        this.dmm = new Multimeter(seed, clock);
    }

    String identity() {
        return identity;
    }

    long seed() {
        return seed;
    }

    /**
     * Runs every command of {@code line}; query answers go to {@code out} (not terminated).
     * Errors go to the error queue; the other commands of the line still run.
     */
    void execute(String line, ResponseBuilder out) {
        List<String> path = List.of();
        for (ProgramMessage.Command c : ProgramMessage.parse(line)) {
            ScpiCommandTable.Found entry = null;
            List<String> resolved = c.nodes();
            if (c.common()) {
                entry = table.find(resolved, c.query());
            } else {
                if (!c.absolute() && !path.isEmpty()) {
                    List<String> relative = new ArrayList<>(path);
                    relative.addAll(c.nodes());
                    entry = table.find(relative, c.query());
                    if (entry != null) {
                        resolved = relative;
                    }
                }
                if (entry == null) {
                    entry = table.find(c.nodes(), c.query());
                }
                if (entry != null) {
                    path = resolved.subList(0, resolved.size() - 1);
                }
            }
            if (entry == null) {
                status.push(ScpiError.undefinedHeader());
                continue;
            }
            try {
                entry.run(this, c.params(), out);
            } catch (ScpiError e) {
                status.push(e);
            }
        }
    }

    /** *RST: the instrument's settings to their defaults; the error queue and ESR stay. */
    void reset() {
        dmm.reset();
        for (ScopeChannel c : channels) {
            c.reset();
        }
        waveformSource = channels[0];
        waveformFormat = Waveform.Format.WORD;
        waveformPoints = Waveform.DEFAULT_POINTS;
        acquisition = 0;
        setStream(0);
    }

    /** The next acquisition's samples, of the WAVeform:SOURce channel. */
    short[] acquire() {
        return Waveform.samples(seed, acquisition++, waveformPoints, waveformSource);
    }

    /** CHANnel&lt;n&gt; (n checked by the pattern's suffix range). */
    ScopeChannel channel(int n) {
        return channels[n - 1];
    }

    void setStream(int rate) {
        streamRate = rate;
        if (rate > 0) {
            stream.start(rate);
        } else {
            stream.stop();
        }
    }
}
