package org.streamframer.app.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One command header as an instrument manual writes it, e.g. {@code MEASure:VOLTage[:DC]?}:
 * each node's upper-case letters are its short form, the whole word its long form, a node in
 * square brackets may be left out, a trailing {@code ?} makes it the query form. Common commands
 * ({@code *IDN?}) are one node with no short form.
 *
 * <p>A typed header matches when every typed node equals, ignoring case, the short or the long
 * form of the pattern's node at that place (and nothing else: {@code MEAS}, {@code MEASURE} match
 * {@code MEASure}; {@code MEASU} does not), optional nodes being skipped as needed.
 *
 * <p>Numeric suffixes (SCPI-99 6.2.5.2): a node written {@code CHANnel<1-4>} takes a number
 * right after its short or long form, {@code CHAN2} or {@code CHANNEL2}; left out it is 1
 * ({@code CHAN} is {@code CHAN1}). {@code <n>} takes any number from 1. A suffix outside the
 * range still names the command (so the instrument can answer -114, "Header suffix out of
 * range") but its {@link Match} is not {@link Match#inRange() in range}.
 * <pre>
 *   pattern  CHANnel&lt;1-2&gt;:SCALe?
 *   typed    chan2:scal?    -&gt; match, suffixes [2]
 *            CHANNEL:SCAL?  -&gt; match, suffixes [1]   (the default)
 *            CHAN3:SCAL?    -&gt; match, suffixes [3], not in range (-114)
 *            CHA2:SCAL?     -&gt; no match (-113)
 * </pre>
 */
final class ScpiPattern {

    /** No number may follow the node. */
    private static final int NO_SUFFIX = -1;
    /** A suffix too long for an int: out of every range. */
    private static final int HUGE_SUFFIX = Integer.MAX_VALUE;

    private record Node(String shortForm, String longForm, boolean optional, int minSuffix, int maxSuffix) {
        boolean takesSuffix() {
            return minSuffix != NO_SUFFIX;
        }

        /** The typed node's suffix (1 when left out), NO_SUFFIX for a node that takes none, or null: no match. */
        Integer match(String typed) {
            if (typed.equalsIgnoreCase(shortForm) || typed.equalsIgnoreCase(longForm)) {
                return takesSuffix() ? 1 : NO_SUFFIX;
            }
            if (!takesSuffix()) {
                return null;
            }
            int digits = typed.length();
            while (digits > 0 && Character.isDigit(typed.charAt(digits - 1))) {
                digits--;
            }
            if (digits == typed.length()) {
                return null;
            }
            String name = typed.substring(0, digits);
            if (!name.equalsIgnoreCase(shortForm) && !name.equalsIgnoreCase(longForm)) {
                return null;
            }
            String number = typed.substring(digits);
            return number.length() > 9 ? HUGE_SUFFIX : Integer.parseInt(number);
        }
    }

    /**
     * A typed header that names this command.
     *
     * @param suffixes the numeric suffix of each node of the pattern that takes one, in order
     * @param inRange  every suffix is within its node's range
     */
    record Match(int[] suffixes, boolean inRange) {
        /** The {@code i}-th suffix (0: the first node that takes one). */
        int suffix(int i) {
            return suffixes[i];
        }
    }

    private final String text;
    private final Node[] nodes;
    private final boolean query;
    private final int suffixCount;

    private ScpiPattern(String text, Node[] nodes, boolean query) {
        this.text = text;
        this.nodes = nodes;
        this.query = query;
        int n = 0;
        for (Node node : nodes) {
            n += node.takesSuffix() ? 1 : 0;
        }
        this.suffixCount = n;
    }

    /** Parses a pattern such as {@code SYSTem:ERRor[:NEXT]?} or {@code *IDN?}. */
    static ScpiPattern parse(String pattern) {
        String p = pattern;
        boolean query = p.endsWith("?");
        if (query) {
            p = p.substring(0, p.length() - 1);
        }
        List<Node> nodes = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            boolean optional = p.charAt(i) == '[';
            int close = optional ? p.indexOf(']', i) : -1;
            if (optional && close < 0) {
                throw new IllegalArgumentException("unclosed '[' in pattern " + pattern);
            }
            String segment = optional ? p.substring(i + 1, close) : p.substring(i, next(p, i));
            i = optional ? close + 1 : i + segment.length();
            segment = stripColons(segment);
            if (i < p.length() && p.charAt(i) == ':') {
                i++;
            }
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("empty node in pattern " + pattern);
            }
            int min = NO_SUFFIX;
            int max = NO_SUFFIX;
            int angle = segment.indexOf('<');
            if (angle >= 0) {
                int[] range = suffixRange(segment.substring(angle), pattern);
                min = range[0];
                max = range[1];
                segment = segment.substring(0, angle);
            }
            nodes.add(new Node(shortForm(segment), segment.toUpperCase(Locale.ROOT), optional, min, max));
        }
        return new ScpiPattern(pattern, nodes.toArray(new Node[0]), query);
    }

    /** {@code <n>} (1 up) or {@code <1-4>}. */
    private static int[] suffixRange(String s, String pattern) {
        if (s.equals("<n>")) {
            return new int[] {1, HUGE_SUFFIX - 1};
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(\\d{1,9})-(\\d{1,9})>").matcher(s);
        if (!m.matches() || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
            throw new IllegalArgumentException("suffix '" + s + "' in pattern " + pattern + " is not <n> or <min-max>");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static String stripColons(String segment) {
        int b = 0;
        int e = segment.length();
        while (b < e && segment.charAt(b) == ':') {
            b++;
        }
        while (e > b && segment.charAt(e - 1) == ':') {
            e--;
        }
        return segment.substring(b, e);
    }

    private static int next(String p, int from) {
        int colon = p.indexOf(':', from);
        int bracket = p.indexOf('[', from);
        int end = p.length();
        if (colon >= 0) {
            end = Math.min(end, colon);
        }
        if (bracket >= 0) {
            end = Math.min(end, bracket);
        }
        return end;
    }

    private static String shortForm(String segment) {
        if (segment.startsWith("*")) {
            return segment.toUpperCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < segment.length(); k++) {
            char c = segment.charAt(k);
            if (Character.isUpperCase(c) || Character.isDigit(c)) {
                sb.append(c);
            }
        }
        if (sb.length() == 0) {
            throw new IllegalArgumentException("node '" + segment + "' has no upper-case short form");
        }
        return sb.toString();
    }

    boolean isQuery() {
        return query;
    }

    /** Whether the typed nodes (no colons, no '?') name this command (with suffixes in range or not). */
    boolean matches(List<String> typed, boolean typedQuery) {
        return match(typed, typedQuery) != null;
    }

    /** How the typed nodes (no colons, no '?') name this command, or null when they do not. */
    Match match(List<String> typed, boolean typedQuery) {
        if (typedQuery != query) {
            return null;
        }
        int[] suffixes = new int[suffixCount];
        if (!matchFrom(typed, 0, 0, 0, suffixes)) {
            return null;
        }
        boolean inRange = true;
        int k = 0;
        for (Node node : nodes) {
            if (node.takesSuffix()) {
                inRange &= suffixes[k] >= node.minSuffix() && suffixes[k] <= node.maxSuffix();
                k++;
            }
        }
        return new Match(suffixes, inRange);
    }

    /** Matches typed[t..] against nodes[n..]; {@code k} is the next suffix slot (1 for a skipped optional node). */
    private boolean matchFrom(List<String> typed, int t, int n, int k, int[] suffixes) {
        if (n == nodes.length) {
            return t == typed.size();
        }
        Node node = nodes[n];
        int nextK = node.takesSuffix() ? k + 1 : k;
        Integer suffix = t < typed.size() ? node.match(typed.get(t)) : null;
        if (suffix != null && matchFrom(typed, t + 1, n + 1, nextK, suffixes)) {
            if (node.takesSuffix()) {
                suffixes[k] = suffix;
            }
            return true;
        }
        if (node.optional() && matchFrom(typed, t, n + 1, nextK, suffixes)) {
            if (node.takesSuffix()) {
                suffixes[k] = 1;
            }
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
