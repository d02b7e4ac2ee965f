package org.streamframer.framing.rules;

/**
 * An IEEE 488.2 arbitrary block inside a SCPI response, as found by
 * {@link ScpiResponseRule#findBlocks(byte[], int, int)}: where its DATA lies within the
 * response's bytes, so a caller can take the binary data without parsing the header again.
 *
 * <pre>
 *   response:  1 . 5 , # 1 4 a b c d
 *   index:     0 1 2 3 4 5 6 7 8 9 10
 *                            |-----|   IeeeBlock(offset 7, length 4, definite)
 *
 *   response:  # 0 r a w ...
 *                  |-- data ...        IeeeBlock(offset 2, length n, indefinite): to the end
 * </pre>
 *
 * @param offset     where the block's data begins, counted from the response's first byte
 * @param length     the data's length in bytes
 * @param indefinite true for a {@code #0} block, whose data runs to the end of the response
 */
public record IeeeBlock(int offset, int length, boolean indefinite) {

    public IeeeBlock {
        if (offset < 0) {
            throw new IllegalArgumentException("offset < 0: " + offset);
        }
        if (length < 0) {
            throw new IllegalArgumentException("length < 0: " + length);
        }
    }

    /** One past the data's last byte, counted from the response's first byte. */
    public int end() {
        return offset + length;
    }
}
