package org.streamframer.framing.scpi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.streamframer.framing.rules.IeeeBlock;

/**
 * An instrument's answer to a query.
 *
 * @param command   the query as written (without the terminator)
 * @param bytes     the response frame as the rule delivered it (a private copy)
 * @param blocks    the IEEE 488.2 blocks found in it (offsets into {@code bytes}); empty for text
 * @param roundTrip from just before the command was written to the response's arrival
 */
public record Response(String command, byte[] bytes, List<IeeeBlock> blocks, Duration roundTrip) {

    public Response {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(bytes, "bytes");
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(roundTrip, "roundTrip");
    }

    /** The bytes as ISO-8859-1 text, a trailing CR, LF or CRLF stripped. */
    public String text() {
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\n') {
            n--;
        }
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** Whether the response carries at least one IEEE 488.2 block. */
    public boolean hasBlock() {
        return !blocks.isEmpty();
    }

    /** A copy of block {@code i}'s data. */
    public byte[] blockData(int i) {
        IeeeBlock b = blocks.get(i);
        return Arrays.copyOfRange(bytes, b.offset(), b.offset() + b.length());
    }

    @Override
    public String toString() {
        return "Response[" + command + " -> " + bytes.length + " bytes"
                + (blocks.isEmpty() ? "" : ", " + blocks.size() + " block(s)") + ", " + roundTrip.toMillis() + " ms]";
    }
}
