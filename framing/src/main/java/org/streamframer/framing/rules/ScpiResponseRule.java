package org.streamframer.framing.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.ScanResult;

/**
 * SCPI responses: text ended by a terminator, where IEEE 488.2 arbitrary blocks are stepped
 * over, so binary data that contains the terminator (an oscilloscope's waveform, a screenshot)
 * stays in one response.
 *
 * <pre>
 * definite block: '#', one digit n (1-9), n digits of length, then length bytes of any value
 *
 *   #  2  1  0  h  e  l  l  o  \n w  o  r  l  d  \r \n      terminator LF
 *   |  |  |--|  |------- 10 data bytes -------|  |  |
 *   |  |  length 10 (the \n in it is data)       |  |  terminator: the response ends
 *   |  n = 2 length digits                       CR just before an LF terminator: dropped
 *   frame: "#210hello\nworld"   (block data at offset 4, length 10)
 *
 * values and a block:   1 . 5 , # 1 4 a b c d \n     frame "1.5,#14abcd", block (7, 4)
 *
 * indefinite block: '#' '0', then data up to the terminator (no block structure inside)
 *
 *   # 0 x # 9 y \n                    frame "#0x#9y", block (2, 4, indefinite)
 *
 * non-decimal numbers (hexadecimal, octal, binary): '#' then H, Q or B (either case): text
 *
 *   # H 1 F , # Q 1 7 , # B 1 0 1 \n   frame "#H1F,#Q17,#B101", no blocks
 *
 * string response data: between double quotes a '#' is text; "" is a quote inside
 *
 *   - 1 1 3 , " U n d e f ; # x " " # " , # 1 2 a b \n
 *             |- string: Undef;#x"# --|         |-|  block (22, 2)
 * </pre>
 *
 * <h2>Non-decimal numbers</h2>
 * {@code #H}, {@code #Q} and {@code #B} (upper or lower case) begin IEEE 488.2 hexadecimal, octal
 * and binary numeric response data ({@code *ESR?} or {@code :STAT:OPER?} on some instruments),
 * which is text: the rule frames the response and leaves the digits to whoever reads the value
 * (it does not check them, as it does not check decimal numbers).
 *
 * <h2>Quoted strings</h2>
 * A double quote outside any block opens a string and the next one closes it, so a doubled
 * quote ({@code ""}) inside a string, IEEE 488.2's escape for a quote, closes and reopens it: the
 * string goes on. Inside a string {@code #} starts nothing. Only double quotes count: 488.2 string
 * response data is always double-quoted (single quotes belong to program data), and an apostrophe
 * in arbitrary ASCII text ({@code *IDN?} answering {@code O'Hare Labs,...}) must not hide a
 * block. A quote inside a block's data is data.
 *
 * <p>The terminator ends a response even inside a string. 488.2's syntax lets a string hold
 * any 7-bit byte and relies on END (GPIB's EOI line) to mark the real terminator; TCP and
 * serial links carry no END, instruments do not put terminators in strings they send, and a
 * VISA read with a termination character stops there too. Ending there also means a response
 * with an unbalanced quote (malformed or cut off) cannot swallow the responses after it: the
 * quote state starts afresh with every response.
 *
 * <h2>Terminators</h2>
 * {@link Terminator#LF}: a response ends at LF; a CR just before that LF (outside any block) is
 * dropped too, as many instruments answer with CRLF. {@link Terminator#CRLF}: ends at CR LF; a
 * lone CR or LF is text. {@link Terminator#CR}: ends at CR; an LF is text. Terminator bytes inside
 * a definite block's data are data. An empty response (a terminator alone) is delivered as an
 * empty frame.
 *
 * <h2>Errors</h2>
 * <ul>
 *   <li>A bad block header ({@code #} outside a string followed by anything but a digit or
 *       {@code H}/{@code Q}/{@code B}, or a length digit that is not a digit) is a
 *       {@link org.streamframer.framing.CorruptFrameException}; the rest of that response is dropped and framing resumes after the next terminator. The
 *       resynchronising scan still steps over well-formed blocks (so a terminator in their data
 *       does not end it) and reads bad headers as plain bytes.</li>
 *   <li>A response longer than {@link #maxFrameLength()} is a
 *       {@link org.streamframer.framing.FrameTooLongException}, reported as soon as it is
 *       certain ({@link #failFast()} is true): for a block, as soon as its header is complete, so
 *       a header that declares more than the maximum is rejected before any of its data is
 *       held. The buffer then drops the block's data as it arrives (never holding it) and the
 *       rest of that response up to the terminator after the block, then frames the next
 *       response. The decision is taken at a fixed byte of the response, never at a read
 *       boundary, so a response is rejected (or not) the same way however it was split.</li>
 * </ul>
 *
 * <h2>Linear scanning</h2>
 * Each byte of text is examined once; a header or a CR at the end of the buffered bytes is
 * looked at again when more arrive (at most 11 bytes). A definite block's data is never examined:
 * the rule answers "resume after the block", so a 10 MB block arriving in 8 KiB reads costs one
 * scan per read, each of which returns at once. Inside an indefinite block or a quoted string the
 * rule resumes with {@link FrameBuffer#scanState()} saying so, so a read boundary anywhere in a
 * string (between the two quotes of a doubled one, say) changes nothing.
 *
 * <p>Immutable and thread-safe; one instance may frame any number of connections.
 */
public final class ScpiResponseRule implements FrameRule {

    /** The byte(s) that end a response. */
    public enum Terminator {
        /** Newline (0x0A); a CR just before it is dropped too. */
        LF(new byte[] {'\n'}),
        /** Carriage return then newline (0x0D 0x0A). */
        CRLF(new byte[] {'\r', '\n'}),
        /** Carriage return (0x0D). */
        CR(new byte[] {'\r'});

        private final byte[] bytes;

        Terminator(byte[] bytes) {
            this.bytes = bytes;
        }

        /** The terminator's bytes (a copy). */
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** The maximum response length of {@link #lf()}: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024 * 1024;

    /** Scan state: the resume position is in the response's text (or at a block header). */
    static final int IN_TEXT = 0;
    /** Scan state: the resume position is inside an indefinite ({@code #0}) block's data. */
    static final int IN_INDEFINITE_BLOCK = 1;
    /** Scan state: the resume position is inside a quoted string (after an odd number of quotes). */
    static final int IN_STRING = 2;

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte HASH = '#';
    private static final byte QUOTE = '"';

    private final Terminator terminator;
    private final int maxFrameLength;

    /**
     * @param terminator     what ends a response
     * @param maxFrameLength the longest response delivered, in bytes (terminator excluded)
     */
    public ScpiResponseRule(Terminator terminator, int maxFrameLength) {
        this.terminator = Objects.requireNonNull(terminator, "terminator");
        this.maxFrameLength = Checks.maxFrameLength(maxFrameLength);
    }

    /** Responses ended by LF (a CR before it dropped), at most {@link #DEFAULT_MAX_FRAME_LENGTH} bytes. */
    public static ScpiResponseRule lf() {
        return new ScpiResponseRule(Terminator.LF, DEFAULT_MAX_FRAME_LENGTH);
    }

    public Terminator terminator() {
        return terminator;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** True: an over-long response is reported as soon as it is certain, not at its terminator. */
    @Override
    public boolean failFast() {
        return true;
    }

    /*
     * Invariant: `from` is a position in the response's text (never inside a definite block's
     * data), inside an indefinite block's data or inside a quoted string when scanState() says
     * so (the state before the byte at `from`). Every resume
     * position answered keeps it: the end of the bytes, a header's '#', a trailing CR, or the
     * first byte after a block.
     *
     * Too long: a byte of the response at index i (i - start counted from 0) makes it at least
     * i - start + 1 bytes long, so the first such byte at or past `limit` = start + max decides
     * it; the rule then answers needMore past it, which the buffer sees as over the maximum.
     */
    @Override
    public void scan(FrameBuffer buffer, int from, ScanResult out) {
        byte[] a = buffer.array();
        int start = buffer.start();
        int end = buffer.end();
        boolean discarding = out.discarding();
        long limit = discarding ? Long.MAX_VALUE : (long) start + maxFrameLength;
        int state = buffer.scanState();
        boolean indefinite = state == IN_INDEFINITE_BLOCK;
        boolean quoted = state == IN_STRING;
        int i = from;
        while (i < end) {
            byte b = a[i];
            if (b == LF) {
                if (terminator == Terminator.LF) {
                    out.frame(start, i, i + 1);
                    return;
                }
            } else if (b == CR) {
                if (terminator == Terminator.CR) {
                    out.frame(start, i, i + 1);
                    return;
                }
                if (i + 1 == end) {
                    out.needMore(i, state(indefinite, quoted)); // is an LF next?
                    return;
                }
                if (a[i + 1] == LF) {
                    out.frame(start, i, i + 2);
                    return;
                }
            } else if (indefinite) {
                // an indefinite block's data: no structure up to the terminator
            } else if (b == QUOTE) {
                quoted = !quoted; // a doubled quote inside a string toggles twice: still inside
            } else if (b == HASH && !quoted) {
                int h = i;
                if (h + 1 == end) {
                    out.needMore(h, IN_TEXT);
                    return;
                }
                byte n = a[h + 1];
                if (n == '0') {
                    indefinite = true;
                    i = h + 2;
                    if (i > limit) {
                        out.needMore(i, IN_INDEFINITE_BLOCK);
                        return;
                    }
                    continue;
                }
                if (n >= '1' && n <= '9') {
                    int digitsEnd = h + 2 + (n - '0');
                    if (digitsEnd > end) {
                        out.needMore(h, IN_TEXT);
                        return;
                    }
                    long length = parseLength(a, h + 2, digitsEnd);
                    if (length >= 0) {
                        long blockEnd = digitsEnd + length;
                        if (blockEnd > end || blockEnd > limit) {
                            out.needMore(blockEnd, IN_TEXT);
                            return;
                        }
                        i = (int) blockEnd;
                        continue;
                    }
                }
                if (!discarding && !isNonDecimalPrefix(n)) {
                    out.corruptUntilBoundary(describeBadHeader(a, h, end, h - start));
                    return;
                }
                // #H, #Q, #B: a non-decimal number, text; while discarding a bad header is text too
            }
            if (i >= limit) {
                out.needMore(i + 1, state(indefinite, quoted));
                return;
            }
            i++;
        }
        out.needMore(end, state(indefinite, quoted));
    }

    private static int state(boolean indefinite, boolean quoted) {
        return indefinite ? IN_INDEFINITE_BLOCK : quoted ? IN_STRING : IN_TEXT;
    }

    /** {@code H}, {@code Q} or {@code B} in either case: what follows {@code #} in a non-decimal number. */
    private static boolean isNonDecimalPrefix(byte n) {
        return switch (n) {
            case 'H', 'h', 'Q', 'q', 'B', 'b' -> true;
            default -> false;
        };
    }

    /** The decimal number in {@code a[from, to)}, or -1 if a byte there is not a digit. */
    private static long parseLength(byte[] a, int from, int to) {
        long length = 0;
        for (int k = from; k < to; k++) {
            int digit = a[k] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            length = length * 10 + digit;
        }
        return length;
    }

    /**
     * Why the header at {@code a[h] == '#'} is bad (the caller knows it is bad, or that it runs
     * past {@code limit}); {@code at} is its position as the message should give it.
     */
    private static String describeBadHeader(byte[] a, int h, int limit, int at) {
        String where = "bad IEEE 488.2 block header at byte " + at + " of the response: ";
        if (h + 1 >= limit) {
            return where + "the response ends after '#'";
        }
        byte n = a[h + 1];
        if (n < '0' || n > '9') {
            return where + "'#' must be followed by a digit 0-9 (a block) or H, Q or B (a non-decimal"
                    + " number), not " + describe(n);
        }
        int digits = n - '0';
        for (int k = 0; k < digits; k++) {
            if (h + 2 + k >= limit) {
                return where + "the response ends after " + k + " of its " + digits + " length digits";
            }
            byte d = a[h + 2 + k];
            if (d < '0' || d > '9') {
                return where + "length digit " + (k + 1) + " of " + digits + " is " + describe(d)
                        + ", not 0-9";
            }
        }
        throw new IllegalStateException("header at " + h + " is well-formed");
    }

    private static String describe(byte b) {
        String hex = String.format("0x%02X", b & 0xFF);
        return b >= 0x21 && b <= 0x7E ? hex + " ('" + (char) b + "')" : hex;
    }

    /**
     * The IEEE 488.2 blocks in a complete response as this rule delivers it (terminator removed),
     * in order. Plain text gives an empty list. Offsets count from {@code off}. It reads the bytes
     * as the rule does: {@code #H}/{@code #Q}/{@code #B} numbers and a {@code #} inside a quoted
     * string are text.
     *
     * <pre>
     *   findBlocks("1.5,#14abcd,#0xyz")     -&gt;  [IeeeBlock(7, 4, false), IeeeBlock(14, 3, true)]
     *   findBlocks("#H1F,\"a#b\",#12xy")    -&gt;  [IeeeBlock(14, 2, false)]
     * </pre>
     *
     * @param a   the bytes
     * @param off where the response begins in {@code a}
     * @param len the response's length
     * @return the blocks, unmodifiable
     * @throws IllegalArgumentException if the bytes are not such a response: a bad header, or a
     *                                  block that runs past {@code len} (the message says where)
     */
    public static List<IeeeBlock> findBlocks(byte[] a, int off, int len) {
        Objects.checkFromIndexSize(off, len, a.length);
        int end = off + len;
        List<IeeeBlock> blocks = null;
        boolean quoted = false;
        int i = off;
        while (i < end) {
            byte c = a[i];
            if (c == QUOTE) {
                quoted = !quoted;
            }
            if (c != HASH || quoted) {
                i++;
                continue;
            }
            int h = i;
            byte n = h + 1 < end ? a[h + 1] : 0;
            if (isNonDecimalPrefix(n)) {
                i = h + 2;
                continue;
            }
            if (blocks == null) {
                blocks = new ArrayList<>(2);
            }
            if (n == '0') {
                blocks.add(new IeeeBlock(h + 2 - off, end - h - 2, true));
                break;
            }
            int digitsEnd = h + 2 + (n - '0');
            long length = n >= '1' && n <= '9' && digitsEnd <= end ? parseLength(a, h + 2, digitsEnd) : -1;
            if (length < 0) {
                throw new IllegalArgumentException(describeBadHeader(a, h, end, h - off));
            }
            if (length > end - digitsEnd) {
                throw new IllegalArgumentException("IEEE 488.2 block at byte " + (h - off)
                        + " of the response declares " + length + " data bytes, but only "
                        + (end - digitsEnd) + " follow its header");
            }
            blocks.add(new IeeeBlock(digitsEnd - off, (int) length, false));
            i = (int) (digitsEnd + length);
        }
        return blocks == null ? List.of() : Collections.unmodifiableList(blocks);
    }

    @Override
    public String toString() {
        return "ScpiResponseRule[" + terminator + ", max " + maxFrameLength + "]";
    }
}
