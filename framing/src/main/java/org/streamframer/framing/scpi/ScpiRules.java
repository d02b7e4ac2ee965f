package org.streamframer.framing.scpi;

import java.util.List;

import org.streamframer.framing.FrameRule;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.rules.IeeeBlock;

/** Where the session gets its response rule and block parser (the rules package). */
final class ScpiRules {
    private ScpiRules() {
    }

    static final int MAX_RESPONSE = 16 * 1024 * 1024;

    /** Responses end with the terminator (LF when commands have none); the terminator is kept. */
    static FrameRule responseRule(Terminator t) {
        byte[] term = t == Terminator.NONE ? Terminator.LF.bytes() : t.bytes();
        return new DelimiterRule(term, false, MAX_RESPONSE);
    }

    /** The IEEE 488.2 blocks in a response frame. */
    static List<IeeeBlock> findBlocks(byte[] response) {
        return List.of(); // interim: ScpiResponseRule.findBlocks (branch rules4) is not merged yet
    }
}
