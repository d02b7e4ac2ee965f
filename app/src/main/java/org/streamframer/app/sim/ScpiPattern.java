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
 */
final class ScpiPattern {

    private record Node(String shortForm, String longForm, boolean optional) {
        boolean matches(String typed) {
            return typed.equalsIgnoreCase(shortForm) || typed.equalsIgnoreCase(longForm);
        }
    }

    private final String text;
    private final Node[] nodes;
    private final boolean query;

    private ScpiPattern(String text, Node[] nodes, boolean query) {
        this.text = text;
        this.nodes = nodes;
        this.query = query;
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
            nodes.add(new Node(shortForm(segment), segment.toUpperCase(Locale.ROOT), optional));
        }
        return new ScpiPattern(pattern, nodes.toArray(new Node[0]), query);
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

    /** Whether the typed nodes (no colons, no '?') name this command. */
    boolean matches(List<String> typed, boolean typedQuery) {
        return typedQuery == query && matchFrom(typed, 0, 0);
    }

    private boolean matchFrom(List<String> typed, int t, int n) {
        if (n == nodes.length) {
            return t == typed.size();
        }
        Node node = nodes[n];
        if (t < typed.size() && node.matches(typed.get(t)) && matchFrom(typed, t + 1, n + 1)) {
            return true;
        }
        return node.optional() && matchFrom(typed, t, n + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
