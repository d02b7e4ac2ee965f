package org.streamframer.app.frames;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Bytes as text a user can read and type: control bytes made visible ({@code \r \n \t \\ \x04}),
 * and back. Also hex in the forms people paste ({@code 0D 0A}, {@code 0d0a}, {@code 0x0D,0x0A}).
 */
public final class Escapes {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();

    private Escapes() {
    }

    /** {@code bytes[off, off+len)} with printable ASCII as is and everything else escaped. */
    public static String escape(byte[] bytes, int off, int len) {
        StringBuilder sb = new StringBuilder(len + 8);
        for (int i = off; i < off + len; i++) {
            int b = bytes[i] & 0xFF;
            switch (b) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (b >= 0x20 && b < 0x7F) {
                        sb.append((char) b);
                    } else {
                        sb.append("\\x").append(HEX.toHexDigits((byte) b));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** {@link #escape(byte[], int, int)} of all of {@code bytes}. */
    public static String escape(byte[] bytes) {
        return escape(bytes, 0, bytes.length);
    }

    /** {@code bytes[off, off+len)} as spaced upper-case hex: {@code 2A 49 0A}. */
    public static String hex(byte[] bytes, int off, int len) {
        return SPACED.formatHex(bytes, off, off + len);
    }

    /** {@link #hex(byte[], int, int)} of all of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return hex(bytes, 0, bytes.length);
    }

    /**
     * Parses text with escapes: {@code \r \n \t \0 \\ \e} and {@code \xHH}; every other character
     * stands for itself (as ISO-8859-1; characters above U+00FF are refused).
     *
     * @throws IllegalArgumentException naming the position and what was wrong
     */
    public static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                if (c > 0xFF) {
                    throw new IllegalArgumentException("character '" + c + "' at position " + (i + 1)
                            + " is not a single byte; write it as \\xHH");
                }
                out.write(c);
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new IllegalArgumentException("lone \\ at the end; write \\\\ for a backslash");
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case 'e' -> out.write(0x1B);
                case '\\' -> out.write('\\');
                case 'x' -> {
                    if (i + 2 >= text.length()) {
                        throw new IllegalArgumentException("\\x at position " + i + " needs two hex digits");
                    }
                    String digits = text.substring(i + 1, i + 3);
                    if (!HexFormat.isHexDigit(digits.charAt(0)) || !HexFormat.isHexDigit(digits.charAt(1))) {
                        throw new IllegalArgumentException("\\x" + digits + " at position " + i
                                + " is not two hex digits");
                    }
                    out.write(HexFormat.fromHexDigits(digits));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " at position " + i
                        + " (known: \\r \\n \\t \\0 \\e \\\\ \\xHH)");
            }
        }
        return out.toByteArray();
    }

    /**
     * Parses hex bytes, ignoring spaces, commas, colons and {@code 0x} prefixes:
     * {@code "0D 0A"}, {@code "0d0a"}, {@code "0x0D,0x0A"}.
     *
     * @throws IllegalArgumentException naming what was wrong
     */
    public static byte[] parseHex(String text) {
        String cleaned = text.replaceAll("(?i)0x", "").replaceAll("[\\s,:]", "");
        if (cleaned.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + cleaned.length() + ")");
        }
        for (int i = 0; i < cleaned.length(); i++) {
            if (!HexFormat.isHexDigit(cleaned.charAt(i))) {
                throw new IllegalArgumentException("'" + cleaned.charAt(i) + "' is not a hex digit");
            }
        }
        return HEX.parseHex(cleaned);
    }
}
