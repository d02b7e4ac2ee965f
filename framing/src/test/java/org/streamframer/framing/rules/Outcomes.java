package org.streamframer.framing.rules;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.streamframer.framing.RuleHarness.Outcome;

/** Test helpers: outcomes as short readable strings ("text" for a frame, "!ErrorClass" for an error). */
final class Outcomes {

    private Outcomes() {
    }

    static List<String> text(List<Outcome> outcomes) {
        return outcomes.stream()
                .map(o -> o.isFrame() ? new String(o.bytes(), StandardCharsets.ISO_8859_1) : "!" + o.error())
                .collect(Collectors.toList());
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
