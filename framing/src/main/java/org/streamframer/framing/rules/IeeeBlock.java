package org.streamframer.framing.rules;

/**
 * An IEEE 488.2 arbitrary block inside a SCPI response frame ({@code #<n><length><data>} or the
 * indefinite {@code #0<data>}).
 *
 * @param offset     where the block's DATA begins within the response frame's bytes
 * @param length     the data's length in bytes
 * @param indefinite true for a {@code #0} block (its data runs to the terminator)
 */
public record IeeeBlock(int offset, int length, boolean indefinite) {
}
