package org.streamframer.app.blocks;

import java.nio.charset.StandardCharsets;
import org.streamframer.framing.rules.IeeeBlock;

/**
 * The IEEE 488.2 header in front of a block's data, as found in the response bytes:
 *
 * <pre>
 *   # 4 1 0 2 4 d a t a ...      definite: '#', n (1-9) = number of length digits,
 *   ^ ^ └─────┘ ^                           n digits = data length (here 1024)
 *   | digits    dataOffset
 *   headerOffset
 *
 *   # 0 d a t a ... \n           indefinite: data runs to the terminator
 * </pre>
 *
 * @param headerOffset where '#' is in the response
 * @param digits       n (0 for an indefinite block)
 * @param dataOffset   where the data starts
 * @param length       the data length
 * @param indefinite   a {@code #0} block
 * @param text         the header as it appeared, e.g. {@code "#41024"}
 */
public record BlockHeader(int headerOffset, int digits, int dataOffset, int length, boolean indefinite, String text) {

    /**
     * Finds the header of {@code block} in {@code response}.
     *
     * @throws IllegalArgumentException when the bytes in front of the block's data are not a
     *         header that matches it (the message has the offsets)
     */
    public static BlockHeader locate(byte[] response, IeeeBlock block) {
        int data = block.offset();
        if (data < 2 || data > response.length || block.length() < 0 || data + block.length() > response.length) {
            throw new IllegalArgumentException("block data [" + data + ", " + (data + block.length())
                    + ") does not fit in a " + response.length + "-byte response");
        }
        if (block.indefinite()) {
            if (response[data - 2] == '#' && response[data - 1] == '0') {
                return new BlockHeader(data - 2, 0, data, block.length(), true, "#0");
            }
        } else {
            for (int n = 1; n <= 9; n++) {
                int hash = data - 2 - n;
                if (hash >= 0 && response[hash] == '#' && response[hash + 1] == '0' + n) {
                    String text = new String(response, hash, n + 2, StandardCharsets.US_ASCII);
                    return new BlockHeader(hash, n, data, block.length(), false, text);
                }
            }
        }
        throw new IllegalArgumentException("no IEEE 488.2 header in front of block data at offset " + data
                + " (length " + block.length() + ", " + (block.indefinite() ? "indefinite" : "definite") + ")");
    }

    /** For people: "definite block #41024: 4 length digits, 1024 data bytes at offset 6". */
    public String describe() {
        if (indefinite) {
            return "indefinite block #0: " + length + " data bytes at offset " + dataOffset + " (to the terminator)";
        }
        return "definite block " + text + ": " + digits + " length digit" + (digits == 1 ? "" : "s") + ", "
                + length + " data bytes at offset " + dataOffset;
    }
}
