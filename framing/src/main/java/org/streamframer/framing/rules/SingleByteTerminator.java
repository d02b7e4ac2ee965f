package org.streamframer.framing.rules;

import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.ScanResult;

/**
 * The scan shared by the rules whose frames end at one terminator byte (EOT, a one-byte
 * delimiter): search from the resume position, and resume at the buffered end when the
 * terminator is not there yet, so every byte is examined once.
 */
final class SingleByteTerminator {

    private SingleByteTerminator() {
    }

    static void scan(FrameBuffer buffer, int from, ScanResult out, byte terminator, boolean strip) {
        int end = buffer.end();
        int at = ByteSearch.indexOf(buffer.array(), from, end, terminator);
        if (at < 0) {
            out.needMore(end);
        } else {
            out.frame(buffer.start(), strip ? at : at + 1, at + 1);
        }
    }

    /** The byte as two hex digits, for messages and {@code toString()}. */
    static String hex(byte b) {
        return String.format("0x%02x", b & 0xFF);
    }
}
