package org.streamframer.app.frames;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.streamframer.app.connection.ActiveConnection;
import org.streamframer.app.connection.RawCapture;

/**
 * "Detect": sends {@code *IDN?} and proposes a line terminator from the raw answer, looked at
 * before any framing, so it works whatever rule is set.
 */
public final class TerminatorDetector {

    /** What detection found: the proposal (if any) and a sentence saying why. */
    public record Outcome(Optional<RuleKind> proposal, String message) {
    }

    private TerminatorDetector() {
    }

    /**
     * Sends {@code *IDN?\n} on {@code c} and waits up to {@code waitMillis} for an answer to stop
     * growing. Blocking: call off the FX thread.
     */
    public static Outcome detect(ActiveConnection c, long waitMillis) throws IOException, InterruptedException {
        RawCapture raw = c.raw();
        long before = raw.total();
        c.reader().send("*IDN?\n".getBytes(StandardCharsets.US_ASCII));
        if (!raw.awaitBeyond(before, waitMillis)) {
            return new Outcome(Optional.empty(), "Nothing came back to *IDN? within " + waitMillis + " ms.");
        }
        // let the rest of the line arrive: wait until 150 ms pass with no new byte
        long seen = raw.total();
        while (raw.awaitBeyond(seen, 150)) {
            seen = raw.total();
        }
        return propose(raw.since(before).bytes());
    }

    /** The terminator the answer ends with. */
    public static Outcome propose(byte[] answer) {
        int n = answer.length;
        String shown = Escapes.escape(answer, Math.max(0, n - 48), Math.min(n, 48));
        if (n >= 2 && answer[n - 2] == '\r' && answer[n - 1] == '\n') {
            return new Outcome(Optional.of(RuleKind.CRLF), "The answer ends in CR LF: …" + shown);
        }
        if (n >= 1 && answer[n - 1] == '\n') {
            return new Outcome(Optional.of(RuleKind.LF), "The answer ends in LF: …" + shown);
        }
        if (n >= 1 && answer[n - 1] == '\r') {
            return new Outcome(Optional.of(RuleKind.CR), "The answer ends in CR: …" + shown);
        }
        return new Outcome(Optional.empty(), n + " bytes came back but end in no LF, CR LF or CR: …" + shown);
    }
}
