package org.streamframer.app.sim;

import static org.streamframer.app.sim.ScpiNumbers.keyword;
import static org.streamframer.app.sim.ScpiNumbers.none;
import static org.streamframer.app.sim.ScpiNumbers.single;

import java.util.List;

/**
 * The simulated DMM + scope's commands, one row each. Short forms are the upper-case letters,
 * optional nodes are in brackets; headers are case-insensitive.
 *
 * <pre>
 * *IDN?  *RST  *CLS  *OPC  *OPC?  *WAI  *TST?  *ESR?  *ESE n  *ESE?  *SRE n  *SRE?  *STB?
 * SYSTem:ERRor[:NEXT]?            oldest error, or 0,"No error"
 * SYSTem:ERRor:COUNt?             errors queued
 * SYSTem:VERSion?                 1999.0
 * CONFigure:VOLTage[:DC] [range[,res]]   CONFigure:CURRent[:DC] [range[,res]]   CONFigure?
 * MEASure:VOLTage[:DC]? [range[,res]]    MEASure:CURRent[:DC]? [range[,res]]
 * READ?                           a new reading in the configured function
 * FETCh?                          the last reading again
 * WAVeform:DATA?                  the next acquisition (block, see {@link Waveform})
 * WAVeform:FORMat WORD|BYTE|ASCii   WAVeform:FORMat?
 * WAVeform:POINts n (10..1000000)   WAVeform:POINts?
 * HCOPy:SDUMp:DATA?               the screen as a PNG, in a block
 * HCOPy:SDUMp:DATA:FORMat?        PNG
 * SIMulation:STReam rate|OFF      unsolicited lines "seq,reading" at rate lines/s (1..1000000)
 * SIMulation:STReam?              the rate, 0 when off
 * </pre>
 */
final class SimCommands {

    static final int MAX_STREAM_RATE = 1_000_000;

    private SimCommands() {
    }

    /** A fresh table (handlers keep no state; one table serves every client). */
    static ScpiCommandTable table() {
        return new ScpiCommandTable()
                .add("*IDN?", (s, p, out) -> answer(p, out, s.identity()))
                .add("*RST", (s, p, out) -> {
                    none(p);
                    s.reset();
                })
                .add("*CLS", (s, p, out) -> {
                    none(p);
                    s.status.clear();
                })
                .add("*OPC", (s, p, out) -> {
                    none(p);
                    s.status.operationComplete();
                })
                .add("*OPC?", (s, p, out) -> answer(p, out, "1"))
                .add("*WAI", (s, p, out) -> none(p))
                .add("*TST?", (s, p, out) -> answer(p, out, "0"))
                .add("*ESR?", (s, p, out) -> answer(p, out, Integer.toString(s.status.readAndClearEsr())))
                .add("*ESE", (s, p, out) -> s.status.ese(ScpiNumbers.parseInt(single(p), 0, 255)))
                .add("*ESE?", (s, p, out) -> answer(p, out, Integer.toString(s.status.ese())))
                .add("*SRE", (s, p, out) -> s.status.sre(ScpiNumbers.parseInt(single(p), 0, 255)))
                .add("*SRE?", (s, p, out) -> answer(p, out, Integer.toString(s.status.sre())))
                .add("*STB?", (s, p, out) -> answer(p, out, Integer.toString(s.status.statusByte())))
                .add("SYSTem:ERRor[:NEXT]?", (s, p, out) -> answer(p, out, s.status.pop().toString()))
                .add("SYSTem:ERRor:COUNt?", (s, p, out) -> answer(p, out, Integer.toString(s.status.errorCount())))
                .add("SYSTem:VERSion?", (s, p, out) -> answer(p, out, "1999.0"))
                .add("CONFigure:VOLTage[:DC]", (s, p, out) -> s.dmm.configure(Multimeter.Function.VOLTAGE_DC, p))
                .add("CONFigure:CURRent[:DC]", (s, p, out) -> s.dmm.configure(Multimeter.Function.CURRENT_DC, p))
                .add("CONFigure?", (s, p, out) -> answer(p, out, s.dmm.configuration()))
                .add("MEASure:VOLTage[:DC]?", (s, p, out) -> measure(s, Multimeter.Function.VOLTAGE_DC, p, out))
                .add("MEASure:CURRent[:DC]?", (s, p, out) -> measure(s, Multimeter.Function.CURRENT_DC, p, out))
                .add("READ?", (s, p, out) -> answer(p, out, s.dmm.readFormatted()))
                .add("FETCh?", (s, p, out) -> answer(p, out, s.dmm.lastFormatted()))
                .add("WAVeform:DATA?", SimCommands::waveformData)
                .add("WAVeform:FORMat", (s, p, out) -> s.waveformFormat = Waveform.Format.parse(single(p)))
                .add("WAVeform:FORMat?", (s, p, out) -> answer(p, out, s.waveformFormat.scpiName()))
                .add("WAVeform:POINts", (s, p, out) -> s.waveformPoints =
                        ScpiNumbers.parseInt(single(p), Waveform.MIN_POINTS, Waveform.MAX_POINTS))
                .add("WAVeform:POINts?", (s, p, out) -> answer(p, out, Integer.toString(s.waveformPoints)))
                .add("HCOPy:SDUMp:DATA?", (s, p, out) -> {
                    none(p);
                    out.block(Screenshot.png(s.acquire(), s.dmm.readFormatted()));
                })
                .add("HCOPy:SDUMp:DATA:FORMat?", (s, p, out) -> answer(p, out, "PNG"))
                .add("SIMulation:STReam", SimCommands::stream)
                .add("SIMulation:STReam?", (s, p, out) -> answer(p, out, Integer.toString(s.streamRate)));
    }

    private static void answer(List<String> params, ResponseBuilder out, String text) throws ScpiError {
        none(params);
        out.text(text);
    }

    private static void measure(SimSession s, Multimeter.Function f, List<String> p, ResponseBuilder out)
            throws ScpiError {
        s.dmm.configure(f, p);
        out.text(s.dmm.readFormatted());
    }

    private static void waveformData(SimSession s, List<String> p, ResponseBuilder out) throws ScpiError {
        none(p);
        byte[] data = Waveform.encode(s.acquire(), s.waveformFormat);
        if (s.waveformFormat == Waveform.Format.ASCII) {
            out.text(data);
        } else {
            out.block(data);
        }
    }

    private static void stream(SimSession s, List<String> p, ResponseBuilder out) throws ScpiError {
        String k = keyword(p);
        if (k.equals("OFF") || k.equals("0")) {
            s.setStream(0);
            return;
        }
        s.setStream(ScpiNumbers.parseInt(k, 1, MAX_STREAM_RATE));
    }
}
