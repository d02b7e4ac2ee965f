package org.streamframer.bench;

import org.streamframer.framing.FrameRule;
import org.streamframer.framing.rules.Rules;

/** streamframer's rule for each {@link Workload}, configured to deliver what Netty's decoder delivers. */
final class OurRules {

    private OurRules() {
    }

    static FrameRule forWorkload(Workload w) {
        switch (w.kind) {
            case LF: return Rules.lf();
            case CRLF: return Rules.lines(); // LF or CRLF, stripped: what LineBasedFrameDecoder does
            case DELIM2: return Rules.delimiter(Workload.DELIM2);
            case LENGTH4: return Rules.lengthField(4);
            default: return Rules.fixedLength(w.wireLength);
        }
    }
}
