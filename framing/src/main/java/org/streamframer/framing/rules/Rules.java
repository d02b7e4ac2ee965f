package org.streamframer.framing.rules;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.streamframer.framing.fstrm.FstrmRule;

/**
 * Static factories for the common rules, with a maximum frame length of
 * {@link #DEFAULT_MAX_FRAME_LENGTH} unless given (the SCPI rules take
 * {@link ScpiResponseRule#DEFAULT_MAX_FRAME_LENGTH}, room for a screenshot or a long waveform
 * block). Each rule's constructor offers every option.
 *
 * <pre>{@code
 * FrameRule rule  = Rules.lines();                 // LF or CRLF line ends, both stripped
 * FrameRule scpi  = Rules.scpi();                  // SCPI responses, IEEE 488.2 blocks stepped over
 * FrameRule tlv   = Rules.lengthField(2);          // 2-byte big-endian length, then content
 * FrameRule modbus = Rules.idleGapForBaud(9600);   // frames end after 3.5 quiet characters
 * }</pre>
 *
 * <p>Rules are immutable: one instance may frame any number of connections.
 */
public final class Rules {

    /** 1 MiB: the maximum frame length of the rules made here without an explicit one. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 1024 * 1024;

    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CR = {'\r'};

    private Rules() {
    }

    /** Lines ending in LF; the LF is stripped, a CR before it is kept. */
    public static LineRule lf() {
        return new LineRule(false, DEFAULT_MAX_FRAME_LENGTH);
    }

    /** Lines ending in LF or CRLF; the line end is stripped. */
    public static LineRule lines() {
        return lines(DEFAULT_MAX_FRAME_LENGTH);
    }

    /** Lines ending in LF or CRLF, up to {@code maxFrameLength} bytes; the line end is stripped. */
    public static LineRule lines(int maxFrameLength) {
        return new LineRule(true, maxFrameLength);
    }

    /** Frames ending in exactly CRLF, stripped (a lone LF or CR is an ordinary byte). */
    public static DelimiterRule crlf() {
        return new DelimiterRule(CRLF, true, DEFAULT_MAX_FRAME_LENGTH);
    }

    /** Frames ending in CR, stripped. */
    public static DelimiterRule cr() {
        return new DelimiterRule(CR, true, DEFAULT_MAX_FRAME_LENGTH);
    }

    /** Frames ending in EOT ({@code 0x04}), stripped. */
    public static EotRule eot() {
        return new EotRule();
    }

    /** Frames ending in {@code eot}, stripped. */
    public static EotRule eot(byte eot) {
        return new EotRule(eot, true, DEFAULT_MAX_FRAME_LENGTH, false);
    }

    /**
     * Frames ending in any of the delimiters (the shortest frame wins), delimiter stripped.
     *
     * @see DelimiterRule
     */
    public static DelimiterRule delimiter(byte[]... delimiters) {
        return new DelimiterRule(delimiters, true, DEFAULT_MAX_FRAME_LENGTH, false);
    }

    /** Frames of exactly {@code length} bytes. */
    public static FixedLengthRule fixedLength(int length) {
        return new FixedLengthRule(length);
    }

    /**
     * Frames led by a big-endian length field of {@code lengthSize} bytes that counts the bytes
     * after it; the field is stripped from the delivered frame.
     */
    public static LengthFieldRule lengthField(int lengthSize) {
        return new LengthFieldRule(0, lengthSize, ByteOrder.BIG_ENDIAN, 0, lengthSize,
                DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * Frames with a length field anywhere in the header.
     *
     * @see LengthFieldRule#LengthFieldRule(int, int, ByteOrder, int, int, int)
     */
    public static LengthFieldRule lengthField(int lengthOffset, int lengthSize, ByteOrder order,
                                              int lengthAdjustment, int bytesToStrip) {
        return new LengthFieldRule(lengthOffset, lengthSize, order, lengthAdjustment, bytesToStrip,
                DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * SCPI responses ended by LF (a CR before it dropped too), IEEE 488.2 blocks stepped over;
     * the same as {@link ScpiResponseRule#lf()}.
     */
    public static ScpiResponseRule scpi() {
        return ScpiResponseRule.lf();
    }

    /** SCPI responses ended by {@code terminator}, IEEE 488.2 blocks stepped over. */
    public static ScpiResponseRule scpi(ScpiResponseRule.Terminator terminator) {
        return new ScpiResponseRule(terminator, ScpiResponseRule.DEFAULT_MAX_FRAME_LENGTH);
    }

    /** SLIP (RFC 1055) frames, unescaped; write them with {@link SlipEncoder}. */
    public static SlipRule slip() {
        return new SlipRule(DEFAULT_MAX_FRAME_LENGTH);
    }

    /** COBS frames ended by a zero byte, decoded; write them with {@link CobsEncoder}. */
    public static CobsRule cobs() {
        return new CobsRule(DEFAULT_MAX_FRAME_LENGTH);
    }

    /** Frames that end when no byte has arrived for {@code gap} (positive). */
    public static IdleGapRule idleGap(Duration gap) {
        return new IdleGapRule(gap, DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * Modbus RTU framing on a serial line at {@code baud}: frames end after 3.5 quiet character
     * times, 1.75 ms above 19200 baud ({@link IdleGapRule#forBaud(int, int)}).
     */
    public static IdleGapRule idleGapForBaud(int baud) {
        return IdleGapRule.forBaud(baud, DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * Frame Streams (dnstap) data and control frames, data frames up to
     * {@link FstrmRule#DEFAULT_MAX_DATA_LENGTH}; the handshakes are in
     * {@link org.streamframer.framing.fstrm}.
     */
    public static FstrmRule fstrm() {
        return new FstrmRule();
    }
}
