package org.streamframer.framing.scpi;

import java.util.List;

import org.streamframer.framing.FrameRule;
import org.streamframer.framing.rules.IeeeBlock;
import org.streamframer.framing.rules.ScpiResponseRule;

/** The session's bridge to the rules package: its response rule and the block parser. */
final class ScpiRules {
    private ScpiRules() {
    }

    /**
     * SCPI responses ending in the session's terminator (LF when commands have none), IEEE 488.2
     * blocks stepped over, at most {@link ScpiResponseRule#DEFAULT_MAX_FRAME_LENGTH} bytes.
     */
    static FrameRule responseRule(Terminator t) {
        ScpiResponseRule.Terminator rt = switch (t) {
            case LF, NONE -> ScpiResponseRule.Terminator.LF;
            case CR -> ScpiResponseRule.Terminator.CR;
            case CRLF -> ScpiResponseRule.Terminator.CRLF;
        };
        return new ScpiResponseRule(rt, ScpiResponseRule.DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * The IEEE 488.2 blocks in a response frame. Non-decimal numbers ({@code #H1F}) and a
     * {@code #} in a quoted string are text to the parser as to the rule; a frame that is still
     * not block syntax where it has a {@code #} (a reader whose rule is not the SCPI response
     * rule) has none: its text is the answer.
     */
    static List<IeeeBlock> findBlocks(byte[] response) {
        try {
            return ScpiResponseRule.findBlocks(response, 0, response.length);
        } catch (IllegalArgumentException notBlocks) {
            return List.of();
        }
    }
}
