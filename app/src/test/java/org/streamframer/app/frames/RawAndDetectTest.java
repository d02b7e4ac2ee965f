package org.streamframer.app.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.rules.Rules;

class RawAndDetectTest {

    @Test
    void rawViewPutsOneFrameOnALineWithTheDelimiterInBrackets() {
        byte[] bytes = "1.5\r\n2.25\r\npart".getBytes(StandardCharsets.US_ASCII);
        RawViewModel.Result r = RawViewModel.annotate(bytes, 100, Rules.crlf());
        String[] lines = r.text().split("\n");
        assertEquals(2, r.frames());
        assertEquals(3, lines.length, r.text());
        assertTrue(lines[0].startsWith("00000064  31 2E 35 [0D 0A]"), lines[0]);
        assertTrue(lines[0].contains("frame, 3 bytes"), lines[0]);
        assertTrue(lines[1].startsWith("00000069  32 2E 32 35 [0D 0A]"), lines[1]);
        assertTrue(lines[2].contains("incomplete"), lines[2]);
    }

    @Test
    void rawViewMarksWhatTheRuleRejected() {
        byte[] bytes = "toolongline\nok\n".getBytes(StandardCharsets.US_ASCII);
        RawViewModel.Result r = RawViewModel.annotate(bytes, 0, Rules.lines(4));
        assertTrue(r.text().contains("rejected"), r.text());
        assertTrue(r.text().contains("6F 6B [0A]"), r.text());
    }

    @Test
    void detectionProposesTheTerminatorTheAnswerEndsWith() {
        assertEquals(Optional.of(RuleKind.LF), TerminatorDetector.propose("ACME,1,2,3\n".getBytes()).proposal());
        assertEquals(Optional.of(RuleKind.CRLF), TerminatorDetector.propose("ACME,1,2,3\r\n".getBytes()).proposal());
        assertEquals(Optional.of(RuleKind.CR), TerminatorDetector.propose("ACME,1,2,3\r".getBytes()).proposal());
        TerminatorDetector.Outcome none = TerminatorDetector.propose("ACME".getBytes());
        assertEquals(Optional.empty(), none.proposal());
        assertTrue(none.message().startsWith("4 bytes came back but end in no LF"), none.message());
    }
}
