package org.streamframer.app.cli;

import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.streamframer.framing.FrameRule;
import org.streamframer.framing.fstrm.FstrmRule;
import org.streamframer.framing.rules.CobsRule;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.rules.IdleGapRule;
import org.streamframer.framing.rules.Rules;
import org.streamframer.framing.rules.ScpiResponseRule;
import org.streamframer.framing.rules.SlipRule;

/**
 * The {@code --rule} names:
 * <pre>
 *   scpi            SCPI responses: lines ending in LF, IEEE 488.2 blocks stepped over (terminator stripped)
 *   lines           lines ending in LF or CRLF (stripped)
 *   lf | crlf | cr  lines ending in exactly that (stripped)
 *   eot             frames ending in EOT (0x04)
 *   fixed:N         frames of N bytes
 *   length:N        frames led by an N-byte big-endian length (1, 2, 3, 4 or 8), length stripped
 *   delimiter:HEX   frames ending in the bytes HEX (e.g. delimiter:0d0a)
 *   fstrm           Frame Streams (data and control frames)
 *   slip | cobs     SLIP (RFC 1055) or COBS packets, decoded
 *   idle:MS         a frame ends after MS milliseconds without a byte
 * </pre>
 */
final class RuleNames {

    /** Where the longest frame of a named rule stops (16 MiB, as SCPI responses with screenshots need). */
    static final int MAX_FRAME = 16 * 1024 * 1024;

    private static final Map<String, java.util.function.Supplier<FrameRule>> SIMPLE = new LinkedHashMap<>();
    private static final Map<String, IntFunction<FrameRule>> WITH_NUMBER = new LinkedHashMap<>();

    static {
        SIMPLE.put("scpi", () -> new ScpiResponseRule(ScpiResponseRule.Terminator.LF, MAX_FRAME));
        SIMPLE.put("lines", () -> Rules.lines(MAX_FRAME));
        SIMPLE.put("lf", Rules::lf);
        SIMPLE.put("crlf", Rules::crlf);
        SIMPLE.put("cr", Rules::cr);
        SIMPLE.put("eot", Rules::eot);
        SIMPLE.put("fstrm", FstrmRule::new);
        SIMPLE.put("slip", () -> new SlipRule(MAX_FRAME));
        SIMPLE.put("cobs", () -> new CobsRule(MAX_FRAME));
        WITH_NUMBER.put("fixed", Rules::fixedLength);
        WITH_NUMBER.put("length", Rules::lengthField);
        WITH_NUMBER.put("idle", ms -> new IdleGapRule(Duration.ofMillis(ms), MAX_FRAME));
    }

    private RuleNames() {
    }

    /** The names, for help texts. */
    static String names() {
        return String.join(", ", SIMPLE.keySet()) + ", fixed:N, length:N, idle:MS, delimiter:HEX";
    }

    /** @throws IllegalArgumentException an unknown name or a bad number (the message lists the names) */
    static FrameRule parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        java.util.function.Supplier<FrameRule> simple = SIMPLE.get(n);
        if (simple != null) {
            return simple.get();
        }
        int colon = n.indexOf(':');
        if (colon > 0) {
            String kind = n.substring(0, colon);
            String arg = n.substring(colon + 1);
            if (kind.equals("delimiter")) {
                try {
                    return new DelimiterRule(HexFormat.of().parseHex(arg), true, MAX_FRAME);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("rule '" + name + "': '" + arg + "' is not hex bytes ("
                            + e.getMessage() + ")", e);
                }
            }
            IntFunction<FrameRule> f = WITH_NUMBER.get(kind);
            if (f != null) {
                try {
                    return f.apply(Integer.parseInt(arg));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("rule '" + name + "': '" + arg + "' is not a number", e);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("rule '" + name + "': " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException("unknown rule '" + name + "' (known: " + names() + ")");
    }
}
