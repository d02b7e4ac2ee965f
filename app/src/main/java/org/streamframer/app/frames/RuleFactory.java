package org.streamframer.app.frames;

import java.nio.ByteOrder;
import java.time.Duration;

import org.streamframer.framing.FrameRule;
import org.streamframer.framing.fstrm.FstrmRule;
import org.streamframer.framing.rules.CobsRule;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.rules.EotRule;
import org.streamframer.framing.rules.FixedLengthRule;
import org.streamframer.framing.rules.LengthFieldRule;
import org.streamframer.framing.rules.IdleGapRule;
import org.streamframer.framing.rules.LineRule;
import org.streamframer.framing.rules.ScpiResponseRule;
import org.streamframer.framing.rules.SlipRule;

/** Builds the framing library's rule for a {@link RuleSpec}. */
public final class RuleFactory {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CR = {'\r'};

    private RuleFactory() {
    }

    /**
     * The rule {@code spec} describes.
     *
     * @throws IllegalArgumentException if the library refuses the parameters (its message says why)
     */
    public static FrameRule build(RuleSpec spec) {
        int max = spec.maxLength();
        return switch (spec.kind()) {
            case LF -> new LineRule(false, max);
            case CRLF -> new DelimiterRule(CRLF, true, max);
            case CR -> new DelimiterRule(CR, true, max);
            case EOT -> new EotRule(EotRule.EOT, true, max, false);
            case FIXED -> new FixedLengthRule(spec.fixedLength());
            case LENGTH_FIELD -> new LengthFieldRule(spec.fieldOffset(), spec.fieldSize(),
                    spec.littleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, spec.adjustment(),
                    spec.strip(), max);
            case CUSTOM -> new DelimiterRule(FramingViewModel.delimiterBytes(spec.delimiter(), spec.delimiterHex()),
                    !spec.keepDelimiter(), max);
            case FSTRM -> new FstrmRule(max);
            case SCPI -> new ScpiResponseRule(ScpiResponseRule.Terminator.valueOf(spec.scpiTerminator()), max);
            case SLIP -> new SlipRule(max);
            case COBS -> new CobsRule(max);
            case IDLE_GAP -> new IdleGapRule(Duration.ofMillis(spec.idleGapMillis()), max);
        };
    }
}
