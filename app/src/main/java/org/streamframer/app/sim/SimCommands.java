package org.streamframer.app.sim;

import static org.streamframer.app.sim.ScpiNumbers.keyword;
import static org.streamframer.app.sim.ScpiNumbers.none;
import static org.streamframer.app.sim.ScpiNumbers.single;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * CHANnel&lt;n&gt;:SCALe v|MIN|MAX|DEF    volts/div, 1 mV..10 V (default 1 V); n is 1 or 2, CHAN alone is CHAN1
 * CHANnel&lt;n&gt;:SCALe?
 * CHANnel&lt;n&gt;:OFFSet v|MIN|MAX|DEF   volts at the screen's centre, -100..100 V (default 0)
 * CHANnel&lt;n&gt;:OFFSet?
 * WAVeform:SOURce CHANnel&lt;n&gt;      the channel WAV:DATA? reads (default CHAN1)   WAVeform:SOURce?  CHAN1
 * WAVeform:DATA?                  the next acquisition (block, see {@link Waveform}): CHAN1 a sine, CHAN2 a square wave
 * WAVeform:FORMat WORD|BYTE|ASCii   WAVeform:FORMat?
 * WAVeform:POINts n|MIN|MAX|DEF (10..1000000, default 1000)   WAVeform:POINts?
 * WAVeform:YINCrement?            volts per sample unit of the source (scale / 3200; x256 in BYTE)
 * WAVeform:YORigin?               volts of sample 0 (the source's offset): volts = sample * YINC + YOR
 * HCOPy:SDUMp:DATA?               the screen as a PNG, in a block
 * HCOPy:SDUMp:DATA:FORMat?        PNG
 * SIMulation:STReam rate|OFF      unsolicited lines "seq,reading" at rate lines/s (1..1000000)
 * SIMulation:STReam?              the rate, 0 when off
 * </pre>
 *
 * <p>Numbers may carry their unit with a multiplier where a real instrument takes one:
 * {@code CONF:VOLT:DC 100 mV}, {@code MEAS:CURR:DC? 10 mA,1uA}, {@code CHAN2:SCAL 500mV},
 * {@code CHAN1:OFFS -1.5 V} ({@link ScpiNumbers}). Errors, as SYST:ERR? reports them:
 * <pre>
 *   -113 Undefined header            MEAS:VOLTS?   CHA1:SCAL?   VOLT2?
 *   -114 Header suffix out of range  CHAN3:SCAL?   CHAN0:OFFS 1
 *   -131 Invalid suffix              CONF:VOLT:DC 10 A   CHAN1:SCAL 1 QV
 *   -138 Suffix not allowed          WAV:POIN 100 V
 *   -109 Missing parameter           CHAN1:SCAL    CONF:VOLT:DC 10,
 *   -108 Parameter not allowed       *IDN? 1       CONF:VOLT:DC 10,1,2
 *   -222 Data out of range           CHAN1:SCAL 20   CONF:VOLT:DC 5000
 *   -224 Illegal parameter value     CHAN1:SCAL x  WAV:SOUR CHAN3   WAV:FORM TEXT
 * </pre>
 */
final class SimCommands {

    static final int MAX_STREAM_RATE = 1_000_000;
    private static final Pattern SOURCE = Pattern.compile("(?i)CHAN(?:NEL)?(\\d*)");

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
                .add("CHANnel<1-2>:SCALe", (s, n, p, out) -> s.channel(n[0]).scale = ScpiNumbers.setting(single(p), "V",
                        ScopeChannel.MIN_SCALE, ScopeChannel.MAX_SCALE, ScopeChannel.DEFAULT_SCALE))
                .add("CHANnel<1-2>:SCALe?", (s, n, p, out) -> answer(p, out, Multimeter.format(s.channel(n[0]).scale)))
                .add("CHANnel<1-2>:OFFSet", (s, n, p, out) -> s.channel(n[0]).offset = ScpiNumbers.setting(single(p), "V",
                        -ScopeChannel.MAX_OFFSET, ScopeChannel.MAX_OFFSET, 0))
                .add("CHANnel<1-2>:OFFSet?", (s, n, p, out) -> answer(p, out, Multimeter.format(s.channel(n[0]).offset)))
                .add("WAVeform:SOURce", (s, p, out) -> s.waveformSource = source(s, single(p)))
                .add("WAVeform:SOURce?", (s, p, out) -> answer(p, out, "CHAN" + s.waveformSource.number))
                .add("WAVeform:YINCrement?", (s, p, out) ->
                        answer(p, out, Multimeter.format(Waveform.yIncrement(s.waveformSource, s.waveformFormat))))
                .add("WAVeform:YORigin?", (s, p, out) -> answer(p, out, Multimeter.format(s.waveformSource.offset)))
                .add("WAVeform:DATA?", SimCommands::waveformData)
                .add("WAVeform:FORMat", (s, p, out) -> s.waveformFormat = Waveform.Format.parse(single(p)))
                .add("WAVeform:FORMat?", (s, p, out) -> answer(p, out, s.waveformFormat.scpiName()))
                .add("WAVeform:POINts", (s, p, out) -> s.waveformPoints = points(single(p)))
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

    /** {@code CHAN1}, {@code CHANNEL2}, {@code CHAN} (channel 1); -224 for anything else. */
    private static ScopeChannel source(SimSession s, String p) throws ScpiError {
        Matcher m = SOURCE.matcher(p);
        if (!m.matches()) {
            throw ScpiError.illegalValue();
        }
        String digits = m.group(1);
        int n = digits.isEmpty() ? 1 : digits.length() > 9 ? 0 : Integer.parseInt(digits);
        if (n < 1 || n > ScopeChannel.COUNT) {
            throw ScpiError.illegalValue();
        }
        return s.channel(n);
    }

    private static int points(String p) throws ScpiError {
        double v = ScpiNumbers.setting(p, null, Waveform.MIN_POINTS, Waveform.MAX_POINTS, Waveform.DEFAULT_POINTS);
        if (v != Math.rint(v)) {
            throw ScpiError.illegalValue();
        }
        return (int) v;
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
