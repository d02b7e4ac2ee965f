package org.streamframer.app.command;

import java.util.List;

/** Commands offered by auto-completion: IEEE 488.2 common commands and frequent SCPI ones. */
public final class ScpiVocabulary {

    /** The common commands shown as one-click buttons. */
    public static final List<String> COMMON_BUTTONS =
            List.of("*IDN?", "*RST", "*CLS", "*OPC?", "*ESR?", "*STB?", "SYST:ERR?");

    /** Everything completion knows besides the history. */
    public static final List<String> COMMANDS = List.of(
            "*IDN?", "*RST", "*CLS", "*OPC", "*OPC?", "*ESR?", "*ESE", "*ESE?", "*SRE", "*SRE?", "*STB?",
            "*TST?", "*WAI", "*TRG", "*SAV", "*RCL", "*OPT?",
            "SYST:ERR?", "SYST:ERR:ALL?", "SYST:VERS?", "SYST:REM", "SYST:LOC", "SYST:BEEP",
            "MEAS:VOLT:DC?", "MEAS:VOLT:AC?", "MEAS:CURR:DC?", "MEAS:CURR:AC?", "MEAS:RES?", "MEAS:FREQ?",
            "MEAS:TEMP?", "CONF:VOLT:DC", "CONF:CURR:DC", "READ?", "FETC?", "INIT", "ABOR",
            "TRIG:SOUR IMM", "TRIG:SOUR BUS", "TRIG:COUN", "SAMP:COUN",
            "SOUR:VOLT", "SOUR:CURR", "OUTP ON", "OUTP OFF", "OUTP?", "VOLT?", "CURR?",
            "FORM:DATA ASC", "FORM:DATA REAL,32", "CURV?", "CONF?", "SYST:ERR:COUN?",
            "WAV:DATA?", "WAV:FORM ASC", "WAV:FORM BYTE", "WAV:POIN 1000", "HCOP:SDUM:DATA?",
            "SIM:STR 1000", "SIM:STR 100000", "SIM:STR OFF", "SIM:STR?");

    private ScpiVocabulary() {
    }

    /**
     * Suggestions for {@code typed}: history entries (newest first) and then vocabulary that start
     * with it, case-insensitively, without repeats, at most {@code limit}.
     */
    public static List<String> suggest(String typed, List<String> history, int limit) {
        String t = typed == null ? "" : typed.strip().toUpperCase();
        if (t.isEmpty()) {
            return List.of();
        }
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (int i = history.size() - 1; i >= 0 && out.size() < limit; i--) {
            String h = history.get(i);
            if (h.toUpperCase().startsWith(t) && !h.equalsIgnoreCase(typed.strip())) {
                out.add(h);
            }
        }
        for (String c : COMMANDS) {
            if (out.size() >= limit) {
                break;
            }
            if (c.startsWith(t) && !c.equalsIgnoreCase(typed.strip())) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
