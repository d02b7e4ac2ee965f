package org.streamframer.app.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits one received line (an IEEE 488.2 program message) into its commands: {@code ;}
 * separates commands, {@code ,} separates parameters, both ignored inside quoted strings.
 *
 * <pre>
 *   MEAS:VOLT:DC? 10,0.001 ; *OPC?
 *   |-- header --| |params| | |hdr|
 * </pre>
 */
final class ProgramMessage {

    /**
     * One command of a message.
     *
     * @param nodes    the header's nodes as typed (no colons, no '?')
     * @param query    the header ended with '?'
     * @param common   a common command ({@code *IDN?}): one node starting with '*'
     * @param absolute the header began with ':' (does not continue the previous command's path)
     * @param params   the parameters, trimmed; empty when none
     */
    record Command(List<String> nodes, boolean query, boolean common, boolean absolute, List<String> params) {
    }

    private ProgramMessage() {
    }

    /** The commands of {@code line}; blank commands (e.g. a trailing ';') are left out. */
    static List<Command> parse(String line) {
        List<Command> commands = new ArrayList<>();
        for (String unit : split(line, ';')) {
            String u = unit.strip();
            if (!u.isEmpty()) {
                commands.add(command(u));
            }
        }
        return commands;
    }

    private static Command command(String unit) {
        int ws = 0;
        while (ws < unit.length() && !Character.isWhitespace(unit.charAt(ws))) {
            ws++;
        }
        String header = unit.substring(0, ws);
        String rest = unit.substring(ws).strip();
        boolean query = header.endsWith("?");
        if (query) {
            header = header.substring(0, header.length() - 1);
        }
        boolean absolute = header.startsWith(":");
        if (absolute) {
            header = header.substring(1);
        }
        List<String> nodes = new ArrayList<>();
        for (String n : header.split(":", -1)) {
            nodes.add(n);
        }
        boolean common = nodes.size() == 1 && header.startsWith("*");
        List<String> params = rest.isEmpty() ? List.of() : trimmed(split(rest, ','));
        return new Command(Collections.unmodifiableList(nodes), query, common, absolute, params);
    }

    private static List<String> trimmed(List<String> parts) {
        List<String> out = new ArrayList<>(parts.size());
        for (String p : parts) {
            out.add(p.strip());
        }
        return Collections.unmodifiableList(out);
    }

    /** Splits on {@code sep} outside double- or single-quoted strings. */
    static List<String> split(String s, char sep) {
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int begin = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == sep) {
                parts.add(s.substring(begin, i));
                begin = i + 1;
            }
        }
        parts.add(s.substring(begin));
        return parts;
    }
}
