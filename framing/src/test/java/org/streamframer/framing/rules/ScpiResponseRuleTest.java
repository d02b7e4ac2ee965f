package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.CorruptFrameException;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.FrameTooLongException;
import org.streamframer.framing.RuleHarness;
import org.streamframer.framing.RuleHarness.Outcome;
import org.streamframer.framing.rules.ScpiResponseRule.Terminator;

class ScpiResponseRuleTest {

    private static final ScpiResponseRule LF = ScpiResponseRule.lf();

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String s(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The outcome as text: frames as their ISO-8859-1 text, errors as "!ClassName". */
    static List<String> texts(List<Outcome> outcomes) {
        List<String> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            out.add(o.isFrame() ? s(o.bytes()) : "!" + o.error());
        }
        return out;
    }

    static List<String> split(FrameRule rule, String input) {
        return texts(RuleHarness.assertSplitInvariant(rule, b(input)));
    }

    // ------------------------------------------------------------------ the issue's examples

    @Test
    void theIssuesExampleIsOneResponseWhoseBlockHoldsTheNewline() {
        assertEquals(List.of("#210hello\nworld"), split(LF, "#210hello\nworld\r\n"));
        byte[] frame = b("#210hello\nworld");
        assertEquals(List.of(new IeeeBlock(4, 10, false)), ScpiResponseRule.findBlocks(frame, 0, frame.length));
    }

    @Test
    void valuesAndABlockMixInOneResponse() {
        assertEquals(List.of("1.5,#14abcd", "2"), split(LF, "1.5,#14abcd\n2\n"));
        byte[] frame = b("1.5,#14abcd");
        List<IeeeBlock> blocks = ScpiResponseRule.findBlocks(frame, 0, frame.length);
        assertEquals(List.of(new IeeeBlock(7, 4, false)), blocks);
        assertEquals("abcd", new String(frame, blocks.get(0).offset(), blocks.get(0).length(),
                StandardCharsets.ISO_8859_1));
    }

    @Test
    void severalBlocksInOneResponseAreEachSteppedOver() {
        assertEquals(List.of("#13\n\n\n,#2110123456789\n", ",7"),
                split(LF, "#13\n\n\n,#2110123456789\n\n,7\n"));
        byte[] frame = b("#13\n\n\n,#2110123456789\n");
        assertEquals(List.of(new IeeeBlock(3, 3, false), new IeeeBlock(11, 11, false)),
                ScpiResponseRule.findBlocks(frame, 0, frame.length));
    }

    @Test
    void aCrBeforeTheLfIsNotPartOfTheResponse() {
        assertEquals(List.of("1.5", "2.5", "", ""), split(LF, "1.5\r\n2.5\n\r\n\n"));
    }

    @Test
    void aCrNotFollowedByLfIsText() {
        assertEquals(List.of("a\rb", "c\r"), split(LF, "a\rb\nc\r\r\n"));
    }

    @Test
    void aCrAtTheEndOfBlockDataIsDataNotTerminator() {
        assertEquals(List.of("#15abcd\r"), split(LF, "#15abcd\r\n"));
    }

    @Test
    void crlfTerminatorTreatsALoneLfOrCrAsText() {
        ScpiResponseRule rule = new ScpiResponseRule(Terminator.CRLF, 1024);
        assertEquals(List.of("A\nB", "C\rD", "#12\r\n"), split(rule, "A\nB\r\nC\rD\r\n#12\r\n\r\n"));
    }

    @Test
    void crTerminatorTreatsLfAsText() {
        ScpiResponseRule rule = new ScpiResponseRule(Terminator.CR, 1024);
        assertEquals(List.of("A\nB", "#11\r", "\n"), split(rule, "A\nB\r#11\r\r\n\r"));
    }

    @Test
    void terminatorBytesAreTheConfiguredOnes() {
        assertArrayEquals(b("\n"), Terminator.LF.bytes());
        assertArrayEquals(b("\r\n"), Terminator.CRLF.bytes());
        assertArrayEquals(b("\r"), Terminator.CR.bytes());
    }

    // ------------------------------------------------------------------ indefinite blocks

    @Test
    void anIndefiniteBlockEndsAtTheTerminatorAndHasNoHeadersInside() {
        assertEquals(List.of("#0ab#9x", "cd"), split(LF, "#0ab#9x\ncd\n"));
        assertEquals(List.of("1,#0\u00ff#", "#0"), split(LF, "1,#0\u00ff#\r\n#0\n"));
        byte[] frame = b("1,#0\u00ff#");
        assertEquals(List.of(new IeeeBlock(4, 2, true)), ScpiResponseRule.findBlocks(frame, 0, frame.length));
    }

    @Test
    void anIndefiniteBlockMayFollowADefiniteOne() {
        assertEquals(List.of("#12\n\n,#0#x"), split(LF, "#12\n\n,#0#x\n"));
        byte[] frame = b("#12\n\n,#0#x");
        assertEquals(List.of(new IeeeBlock(3, 2, false), new IeeeBlock(8, 2, true)),
                ScpiResponseRule.findBlocks(frame, 0, frame.length));
    }

    // ------------------------------------------------------------------ headers split anywhere

    @Test
    void aHeaderSplitAtEveryPointGivesTheSameResponse() {
        String data = "\n\r\n#9\r";
        String response = "#9000000006" + data + ",#0a#\n";
        assertEquals(List.of("#9000000006" + data + ",#0a#"), split(LF, response));
        for (int cut = 1; cut <= 11; cut++) {
            byte[] in = b(response);
            assertEquals(List.of("#9000000006" + data + ",#0a#"),
                    texts(RuleHarness.feed(LF, in, cut, 1, 1, 1, 1, 1, 1, 1, 1, 1)), "cut " + cut);
        }
    }

    // ------------------------------------------------------------------ bad headers

    @Test
    void badHeadersAreCorruptAndTheNextResponsesFollow() {
        List<String> out = split(LF, "#x12\nOK\n#3a12\n#1\nOK2\n1,#\n#14ab\ncd\n");
        assertEquals(List.of("!CorruptFrameException", "OK", "!CorruptFrameException",
                "!CorruptFrameException", "OK2", "!CorruptFrameException", "#14ab\ncd"), out);
    }

    @Test
    void aBadHeaderMessageSaysWhereAndWhichByte() throws Exception {
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(b("1.5,#x\n#3,12\n"));
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> buffer.next(LF));
        assertEquals("bad IEEE 488.2 block header at byte 4 of the response:"
                + " '#' must be followed by a digit 0-9 (a block) or H, Q or B (a non-decimal number), not 0x78 ('x')", e.getMessage());
        e = assertThrows(CorruptFrameException.class, () -> buffer.next(LF));
        assertEquals("bad IEEE 488.2 block header at byte 0 of the response:"
                + " length digit 1 of 3 is 0x2C (','), not 0-9", e.getMessage());
        assertNull(buffer.next(LF));
        assertEquals(0, buffer.readable());
    }

    @Test
    void resynchronisingAfterABadHeaderStillStepsOverWellFormedBlocks() {
        // the block #12 holds "\n\n", so the bad response runs to the LF after "NEXT"
        assertEquals(List.of("!CorruptFrameException", "OK"), split(LF, "#x #12\n\nNEXT\nOK\n"));
    }

    // ------------------------------------------------------------------ non-decimal numbers

    private static List<IeeeBlock> blocksOf(String frame) {
        byte[] bytes = b(frame);
        return ScpiResponseRule.findBlocks(bytes, 0, bytes.length);
    }

    @Test
    void hexOctalAndBinaryNumbersAreTextNotBlocksNorErrors() {
        assertEquals(List.of("#H1F,#Q17,#B101", "#hff,#q7,#b0", "+1,#HFFFF,#13a\nb", "#B1", "#Q"),
                split(LF, "#H1F,#Q17,#B101\n#hff,#q7,#b0\r\n+1,#HFFFF,#13a\nb\n#B1\n#Q\n"));
        assertEquals(List.of(), blocksOf("#H1F,#Q17,#B101"));
        assertEquals(List.of(), blocksOf("#hff,#q7,#b0"));
        assertEquals(List.of(new IeeeBlock(13, 3, false)), blocksOf("+1,#HFFFF,#13a\nb"));
        assertEquals(List.of(), blocksOf("#Q"));
    }

    @Test
    void aNonDecimalPrefixSplitFromItsHashIsStillText() {
        // "#" ends the first read: the rule waits for the byte after it, then reads "#H" as text
        for (String response : List.of("#H1F\n", "1,#b101,#12\n\n\n", "#Q777\r\n")) {
            byte[] in = b(response);
            List<String> whole = texts(RuleHarness.whole(LF, in));
            for (int cut = 1; cut < in.length; cut++) {
                assertEquals(whole, texts(RuleHarness.feed(LF, in, cut)), response + " cut at " + cut);
            }
        }
        assertEquals(List.of("1,#b101,#12\n\n"), split(LF, "1,#b101,#12\n\n\n"));
    }

    @Test
    void aHashBeforeAnyOtherNonDigitIsStillCorrupt() {
        assertEquals(List.of("!CorruptFrameException", "!CorruptFrameException", "!CorruptFrameException",
                        "!CorruptFrameException", "OK"),
                split(LF, "#G1\n1,#D9\n#\"a\"\n#,\nOK\n"));
        for (String bad : List.of("#G1", "#x", "1,#D9", "#\"a\"")) {
            assertThrows(IllegalArgumentException.class, () -> blocksOf(bad), bad);
        }
    }

    // ------------------------------------------------------------------ quoted strings

    @Test
    void aHashInsideAQuotedStringStartsNoBlock() {
        assertEquals(List.of("-113,\"Undefined header; #x\"", "0,\"No error\"", "\"#\",\"#1\",\"#9\""),
                split(LF, "-113,\"Undefined header; #x\"\n0,\"No error\"\r\n\"#\",\"#1\",\"#9\"\n"));
        assertEquals(List.of(), blocksOf("-113,\"Undefined header; #x\""));
        assertEquals(List.of(), blocksOf("\"#\",\"#1\",\"#9\""));
    }

    @Test
    void aBlockAfterAStringWithADoubledQuoteIsSteppedOver() {
        // the Javadoc's diagram: "" inside the string is a quote, the string goes on to the next one
        String frame = "-113,\"Undef;#x\"\"#\",#12ab";
        assertEquals(List.of(frame), split(LF, frame + "\n"));
        assertEquals(List.of(new IeeeBlock(22, 2, false)), blocksOf(frame));
        // the block's data holds terminators and quotes; the string before it holds a '#'
        String withData = "\"a#\"\"\",#15\n\"\n\"#,\"#\"";
        assertEquals(List.of(withData, "OK"), split(LF, withData + "\r\nOK\n"));
        assertEquals(List.of(new IeeeBlock(10, 5, false)), blocksOf(withData));
        assertEquals(List.of(new IeeeBlock(14, 2, false)), blocksOf("#H1F,\"a#b\",#12xy"));
    }

    @Test
    void aQuoteInsideABlockIsDataAndOpensNoString() {
        assertEquals(List.of("#11\",#12ab", "#0\"#x", "#13\"\"\"#11\""),
                split(LF, "#11\",#12ab\n#0\"#x\n#13\"\"\"#11\"\n"));
        assertEquals(List.of(new IeeeBlock(3, 1, false), new IeeeBlock(8, 2, false)), blocksOf("#11\",#12ab"));
        assertEquals(List.of(new IeeeBlock(2, 3, true)), blocksOf("#0\"#x"));
        assertEquals(List.of(new IeeeBlock(3, 3, false), new IeeeBlock(9, 1, false)), blocksOf("#13\"\"\"#11\""));
    }

    @Test
    void theTerminatorEndsAResponseEvenInsideAString() {
        // no END signal on TCP or serial: a newline in a string ends the response, and the quote
        // state starts afresh, so an unbalanced quote does not hide the next response's block
        assertEquals(List.of("\"abc", "def#12\n\n\"", "1,\"oops", "#12\n\n"),
                split(LF, "\"abc\ndef#12\n\n\"\n1,\"oops\n#12\n\n\n"));
        ScpiResponseRule crlf = new ScpiResponseRule(Terminator.CRLF, 1024);
        assertEquals(List.of("\"a\nb#\rc\"", "\"x"), split(crlf, "\"a\nb#\rc\"\r\n\"x\r\n"));
        ScpiResponseRule cr = new ScpiResponseRule(Terminator.CR, 1024);
        assertEquals(List.of("\"a\n#x\"", "\"", "#11\r"), split(cr, "\"a\n#x\"\r\"\r#11\r\r"));
    }

    @Test
    void onlyDoubleQuotesMakeAString() {
        // 488.2 string response data is double-quoted; an apostrophe is text and hides no block
        assertEquals(List.of("O'Hare Labs,#12\n\n", "!CorruptFrameException", "OK"),
                split(LF, "O'Hare Labs,#12\n\n\n'#x'\nOK\n"));
        assertEquals(List.of(new IeeeBlock(15, 2, false)), blocksOf("O'Hare Labs,#12\n\n"));
    }

    @Test
    void theQuoteStateSurvivesAReadBoundary() throws Exception {
        FrameBuffer buffer = new FrameBuffer(16, 1024);
        buffer.append(b("1,\"a#"));
        assertNull(buffer.next(LF));
        assertEquals(ScpiResponseRule.IN_STRING, buffer.scanState());
        buffer.append(b("x\"\""));
        assertNull(buffer.next(LF));
        assertEquals(ScpiResponseRule.IN_STRING, buffer.scanState(), "a doubled quote keeps the string open");
        buffer.append(b("#\",#12"));
        assertNull(buffer.next(LF));
        assertEquals(ScpiResponseRule.IN_TEXT, buffer.scanState(), "waiting for the block's data, outside the string");
        buffer.append(b("\n\n\n"));
        try (Frame f = buffer.next(LF)) {
            assertEquals("1,\"a#x\"\"#\",#12\n\n", f.toString(StandardCharsets.ISO_8859_1));
        }
        assertEquals(0, buffer.readable());
    }

    @Test
    void aStringSurvivesDiscardingAnOverlongOrCorruptResponse() {
        ScpiResponseRule rule = new ScpiResponseRule(Terminator.LF, 10);
        // the resynchronising scan knows the '#12' is inside a string, so it is no block and the
        // LF after it ends the bad response; read as a block it would take "\na" and hide "ab"
        assertEquals(List.of("!FrameTooLongException", "ab", "OK", "!CorruptFrameException", "ab", "OK2"),
                split(rule, "\"0123456789#12\nab\nOK\n#x\"#12\nab\nOK2\n"));
    }

    // ------------------------------------------------------------------ too long

    @Test
    void aBlockDeclaredOverTheMaximumIsRejectedAndTheRestOfItsResponseDropped() {
        ScpiResponseRule rule = new ScpiResponseRule(Terminator.LF, 100);
        String data = "x\n".repeat(500); // 1000 bytes, full of terminators
        List<String> out = split(rule, "OK\n#41000" + data + ",1.5\r\n#13\n\n\n\n");
        assertEquals(List.of("OK", "!FrameTooLongException", "#13\n\n\n"), out);
    }

    @Test
    void anOversizeBlockIsTooLongEvenWhenItArrivedWholeBeforeALaterBadHeader() {
        ScpiResponseRule rule = new ScpiResponseRule(Terminator.LF, 100);
        assertEquals(List.of("!FrameTooLongException", "OK"),
                split(rule, "#3200" + "#".repeat(200) + "#x\nOK\n"));
    }

    @Test
    void anOversizeBlockIsReportedAtItsHeaderAndItsDataIsNeverHeld() throws Exception {
        int max = 1000;
        ScpiResponseRule rule = new ScpiResponseRule(Terminator.LF, max);
        FrameBuffer buffer = new FrameBuffer(64, 64 * 1024 * 1024);
        buffer.append(b("#71000000"));
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> buffer.next(rule));
        assertEquals(1_000_009, e.frameLength());
        assertEquals(max, e.maxFrameLength());
        assertFalse(e.lengthKnown());
        byte[] chunk = new byte[8192];
        Arrays.fill(chunk, (byte) '\n');
        int sent = 0;
        int maxCapacity = 0;
        while (sent < 1_000_000) {
            int n = Math.min(chunk.length, 1_000_000 - sent);
            buffer.append(chunk, 0, n);
            sent += n;
            assertNull(buffer.next(rule));
            maxCapacity = Math.max(maxCapacity, buffer.capacity());
        }
        buffer.append(b(",2.5\nOK\n"));
        try (Frame f = buffer.next(rule)) {
            assertEquals("OK", f.toString(StandardCharsets.ISO_8859_1));
        }
        assertTrue(maxCapacity <= 16 * 1024, "capacity grew to " + maxCapacity);
    }

    @Test
    void aHugeDeclaredLengthIsRejectedWithoutAllocating() throws Exception {
        FrameBuffer buffer = new FrameBuffer(64, 64 * 1024 * 1024);
        buffer.append(b("#9999999999abc"));
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> buffer.next(LF));
        assertEquals(999_999_999L + 11, e.frameLength());
        assertEquals(999_999_999L - 3, buffer.skipRemaining());
        assertTrue(buffer.capacity() <= 64, "capacity " + buffer.capacity());
    }

    @Test
    void anOverlongTextResponseIsRejectedAndFramingResumesAtItsTerminator() {
        ScpiResponseRule rule = new ScpiResponseRule(Terminator.LF, 10);
        assertEquals(List.of("0123456789", "!FrameTooLongException", "OK", "!FrameTooLongException", "ab"),
                split(rule, "0123456789\r\n0123456789A#x\nOK\n0123456789#12\n\n\nab\n"));
    }

    @Test
    void aResponseOfExactlyTheMaximumIsDelivered() {
        ScpiResponseRule rule = new ScpiResponseRule(Terminator.CRLF, 8);
        assertEquals(List.of("#13abc12", "#0abcdef", "!FrameTooLongException", "!FrameTooLongException", "z"),
                split(rule, "#13abc12\r\n#0abcdef\r\n#13abc123\r\n#0abcdefg\r\nz\r\n"));
    }

    // ------------------------------------------------------------------ linear scanning

    private static LinearScanTest.CountingRule feedInReads(byte[] stream, int read, List<byte[]> frames) throws Exception {
        LinearScanTest.CountingRule counting = new LinearScanTest.CountingRule(LF);
        FrameBuffer buffer = new FrameBuffer(8192, 32 * 1024 * 1024);
        for (int pos = 0; pos < stream.length; pos += read) {
            buffer.append(stream, pos, Math.min(read, stream.length - pos));
            Frame f;
            while ((f = buffer.next(counting)) != null) {
                frames.add(f.bytes());
                f.consume();
            }
        }
        return counting;
    }

    @Test
    void aTenMegabyteBlockArrivingIn8KibReadsIsNotRescanned() throws Exception {
        int size = 10 * 1024 * 1024;
        byte[] header = b("#8" + String.format("%08d", size));
        byte[] stream = new byte[header.length + size + 1];
        System.arraycopy(header, 0, stream, 0, header.length);
        new Random(1).nextBytes(stream); // data full of LFs and '#'
        System.arraycopy(header, 0, stream, 0, header.length);
        stream[stream.length - 1] = '\n';
        List<byte[]> frames = new ArrayList<>();
        LinearScanTest.CountingRule counting = feedInReads(stream, 8192, frames);
        assertEquals(1, frames.size());
        assertEquals(header.length + size, frames.get(0).length);
        // the rule is asked once for the header and once the block has arrived: the buffer does
        // not even call it while the resume position lies past the buffered bytes
        System.out.printf("10 MiB definite block in 8 KiB reads: %d scan calls, %d bytes offered to the rule%n",
                counting.calls, counting.examined);
        assertTrue(counting.calls <= 3, "calls " + counting.calls);
        assertTrue(counting.examined <= 8192 + 16, "bytes offered " + counting.examined);
    }

    @Test
    void aTenMegabyteIndefiniteBlockOrTextIsScannedOncePerByte() throws Exception {
        int size = 10 * 1024 * 1024;
        byte[] stream = new byte[size];
        Random random = new Random(2);
        for (int i = 0; i < size; i++) {
            byte x = (byte) random.nextInt(256);
            stream[i] = x == '\n' || x == '\r' ? (byte) '#' : x; // plenty of '#'
        }
        stream[0] = '#';
        stream[1] = '0';
        stream[size - 1] = '\n';
        List<byte[]> frames = new ArrayList<>();
        LinearScanTest.CountingRule counting = feedInReads(stream, 8192, frames);
        assertEquals(1, frames.size());
        assertEquals(List.of(new IeeeBlock(2, size - 3, true)),
                ScpiResponseRule.findBlocks(frames.get(0), 0, frames.get(0).length));
        System.out.printf("10 MiB indefinite block in 8 KiB reads: %d scan calls, %d bytes offered to the rule%n",
                counting.calls, counting.examined);
        assertTrue(counting.examined <= size + 2L * counting.calls, "bytes offered " + counting.examined
                + " in " + counting.calls + " calls for " + size + " bytes");

        Arrays.fill(stream, (byte) '1');
        stream[size - 1] = '\n';
        frames.clear();
        counting = feedInReads(stream, 8192, frames);
        assertEquals(1, frames.size());
        System.out.printf("10 MiB text response in 8 KiB reads: %d scan calls, %d bytes offered to the rule%n",
                counting.calls, counting.examined);
        assertTrue(counting.examined <= size + 2L * counting.calls, "text: bytes offered " + counting.examined);
    }

    // ------------------------------------------------------------------ generated responses

    /** Builds random well-formed responses and what the rule must make of them. */
    static final class Responses {
        final ByteArrayOutputStream stream = new ByteArrayOutputStream();
        final List<String> frames = new ArrayList<>();
        final List<List<IeeeBlock>> blocks = new ArrayList<>();
        final List<List<String>> blockData = new ArrayList<>();

        /** {@code strings}: also hexadecimal/octal/binary numbers and quoted strings holding '#'. */
        Responses(long seed, int count, boolean strings) {
            Random random = new Random(seed);
            for (int r = 0; r < count; r++) {
                StringBuilder frame = new StringBuilder();
                List<IeeeBlock> bs = new ArrayList<>();
                List<String> ds = new ArrayList<>();
                int elements = random.nextInt(4);
                for (int e = 0; e < elements; e++) {
                    if (e > 0) {
                        frame.append(',');
                    }
                    int kind = random.nextInt(strings ? 6 : 4);
                    if (kind == 4) {
                        frame.append('#').append("HQBhqb".charAt(random.nextInt(6)))
                                .append(Integer.toString(random.nextInt(4096), 2 + random.nextInt(15)));
                    } else if (kind == 5) {
                        frame.append('"').append(randomString(random, random.nextInt(12))).append('"');
                    } else if (kind == 0 || kind == 1) {
                        frame.append(random.nextInt(1000)).append('.').append(random.nextInt(10));
                    } else if (kind == 2) {
                        String data = randomData(random, random.nextInt(40));
                        String len = Integer.toString(data.length());
                        String pad = "0".repeat(random.nextInt(3));
                        String digits = pad + len;
                        frame.append('#').append(digits.length()).append(digits);
                        bs.add(new IeeeBlock(frame.length(), data.length(), false));
                        ds.add(data);
                        frame.append(data);
                    } else if (e == elements - 1) {
                        String data = randomData(random, random.nextInt(20)).replace("\n", "").replace("\r", "");
                        frame.append("#0");
                        bs.add(new IeeeBlock(frame.length(), data.length(), true));
                        ds.add(data);
                        frame.append(data);
                    }
                }
                frames.add(frame.toString());
                blocks.add(bs);
                blockData.add(ds);
                stream.writeBytes(b(frame + (random.nextBoolean() ? "\r\n" : "\n")));
            }
        }

        /** A string's inside: '#', headers, a doubled quote, CRs, but no LF (which would end it). */
        private static String randomString(Random random, int n) {
            String[] pieces = {"#", "#1", "#14", "#0", "#x", "\"\"", "a", " ", ";", "\r", "'", "9"};
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            return sb.toString();
        }

        private static String randomData(Random random, int n) {
            String alphabet = "#0123456789\r\n\u00ff\u0000ab";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(random.nextInt(3) == 0 ? (char) random.nextInt(256)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return sb.toString();
        }
    }

    /** 30 seeds of generated responses from {@code firstSeed}: whole, blocks found, split every way. */
    private static void assertGeneratedResponses(long firstSeed, boolean strings) {
        for (long seed = firstSeed; seed < firstSeed + 30; seed++) {
            Responses responses = new Responses(seed, 12, strings);
            byte[] input = responses.stream.toByteArray();
            List<Outcome> out = RuleHarness.assertSplitInvariant(LF, input, 20);
            assertEquals(responses.frames, texts(out), "seed " + seed);
            for (int r = 0; r < out.size(); r++) {
                byte[] frame = out.get(r).bytes();
                List<IeeeBlock> found = ScpiResponseRule.findBlocks(frame, 0, frame.length);
                assertEquals(responses.blocks.get(r), found, "seed " + seed + " response " + r);
                for (int k = 0; k < found.size(); k++) {
                    IeeeBlock blk = found.get(k);
                    assertEquals(responses.blockData.get(r).get(k),
                            new String(frame, blk.offset(), blk.length(), StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    @Test
    void generatedResponsesComeOutWholeWithTheirBlocksHoweverTheyAreSplit() {
        assertGeneratedResponses(0, false);
    }

    @Test
    void generatedResponsesWithStringsAndNonDecimalNumbersComeOutWholeHoweverTheyAreSplit() {
        assertGeneratedResponses(100, true);
    }

    // ------------------------------------------------------------------ fuzz

    /**
     * Random bytes rich in {@code special}, any terminator, small maxima: only framing errors,
     * bounded memory (one response under way and a header not yet complete), and every frame the
     * rule delivers is one {@code findBlocks} accepts (the two read '#' the same way).
     */
    private static void fuzz(String special) {
        byte[] bytes = b(special);
        CodecTesting.fuzz(500,
                random -> new ScpiResponseRule(Terminator.values()[random.nextInt(3)], 1 + random.nextInt(64)),
                random -> CodecTesting.randomBytes(random, 600, bytes),
                10, frame -> ScpiResponseRule.findBlocks(frame, 0, frame.length));
    }

    @Test
    void randomBytesGiveOnlyFramingErrorsWellFormedFramesAndBoundedMemory() {
        fuzz("#0123456789\r\n,");
    }

    @Test
    void randomBytesWithQuotesAndRadixLettersGiveFramesTheBlockParserAccepts() {
        fuzz("#\"\"0123456789HQBhqb\r\n,");
    }

    // ------------------------------------------------------------------ findBlocks

    @Test
    void findBlocksCountsOffsetsFromTheResponseStart() {
        byte[] a = b("junk1,#13xyz,#0ab");
        List<IeeeBlock> blocks = ScpiResponseRule.findBlocks(a, 4, a.length - 4);
        assertEquals(List.of(new IeeeBlock(5, 3, false), new IeeeBlock(11, 2, true)), blocks);
        assertEquals(8, blocks.get(0).end());
        assertThrows(UnsupportedOperationException.class, () -> blocks.add(blocks.get(0)));
    }

    @Test
    void findBlocksOfPlainTextIsEmpty() {
        byte[] a = b("+1.234E-03,OFF");
        assertEquals(List.of(), ScpiResponseRule.findBlocks(a, 0, a.length));
        assertEquals(List.of(), ScpiResponseRule.findBlocks(a, 3, 0));
    }

    @Test
    void findBlocksRejectsBadHeadersAndTruncatedBlocksSayingWhere() {
        byte[] bad = b("1,#A");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScpiResponseRule.findBlocks(bad, 0, bad.length));
        assertEquals("bad IEEE 488.2 block header at byte 2 of the response:"
                + " '#' must be followed by a digit 0-9 (a block) or H, Q or B (a non-decimal number),"
                + " not 0x41 ('A')", e.getMessage());
        byte[] cut = b("#15abc");
        e = assertThrows(IllegalArgumentException.class, () -> ScpiResponseRule.findBlocks(cut, 0, cut.length));
        assertEquals("IEEE 488.2 block at byte 0 of the response declares 5 data bytes,"
                + " but only 3 follow its header", e.getMessage());
        byte[] shortHeader = b("#31 2");
        e = assertThrows(IllegalArgumentException.class,
                () -> ScpiResponseRule.findBlocks(shortHeader, 0, 3));
        assertEquals("bad IEEE 488.2 block header at byte 0 of the response:"
                + " the response ends after 1 of its 3 length digits", e.getMessage());
        byte[] hash = b("#");
        assertThrows(IllegalArgumentException.class, () -> ScpiResponseRule.findBlocks(hash, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> ScpiResponseRule.findBlocks(hash, 1, 1));
    }

    // ------------------------------------------------------------------ arguments

    @Test
    void argumentsAreValidatedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScpiResponseRule(Terminator.LF, 0));
        assertEquals("maxFrameLength < 1: 0", e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class, () -> new ScpiResponseRule(null, 10));
        assertEquals("terminator", npe.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new IeeeBlock(-1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new IeeeBlock(0, -2, true));
        assertEquals(ScpiResponseRule.DEFAULT_MAX_FRAME_LENGTH, LF.maxFrameLength());
        assertEquals(Terminator.LF, LF.terminator());
        assertTrue(LF.failFast());
    }
}
