package org.streamframer.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.streamframer.framing.rules.Rules;

class FrameLifetimeTest {

    private static final FrameRule LINES = Rules.lines();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static FrameBuffer bufferWith(String s) throws BufferFullException {
        FrameBuffer buffer = new FrameBuffer(8, 64);
        buffer.append(b(s));
        return buffer;
    }

    @Test
    void everyAccessAfterConsumeThrowsAndNamesTheFrame() throws Exception {
        FrameBuffer buffer = bufferWith("ab\ncd\n");
        Frame f = buffer.next(LINES);
        assertEquals("ab", f.toString(StandardCharsets.US_ASCII));
        f.consume();
        assertTrue(f.isConsumed());
        List<Executable> accesses = List.of(f::length, () -> f.get(0), f::view, f::bytes,
                () -> f.copyTo(new byte[8], 0), () -> f.toString(StandardCharsets.US_ASCII), f::type, f::meta);
        for (Executable access : accesses) {
            IllegalStateException e = assertThrows(IllegalStateException.class, access);
            assertTrue(e.getMessage().startsWith("frame #1 was consumed"), e.getMessage());
        }
        assertEquals("Frame[#1, consumed]", f.toString());
    }

    @Test
    void aSecondConsumeIsHarmlessAndDoesNotReleaseTheNextFrame() throws Exception {
        FrameBuffer buffer = bufferWith("ab\ncd\n");
        Frame first = buffer.next(LINES);
        first.consume();
        Frame second = buffer.next(LINES);
        first.consume();
        assertFalse(second.isConsumed());
        assertEquals("cd", second.toString(StandardCharsets.US_ASCII));
        second.close();
        assertTrue(second.isConsumed());
    }

    @Test
    void tryWithResourcesConsumes() throws Exception {
        FrameBuffer buffer = bufferWith("ab\ncd\n");
        Frame kept;
        try (Frame f = buffer.next(LINES)) {
            kept = f;
            assertEquals(2, f.length());
        }
        assertTrue(kept.isConsumed());
        assertFalse(buffer.hasLiveFrame());
    }

    @Test
    void theViewIsReadOnlyAndNotACopyWhileBytesIsACopy() throws Exception {
        FrameBuffer buffer = bufferWith("ab\n");
        try (Frame f = buffer.next(LINES)) {
            ByteBuffer view = f.view();
            assertTrue(view.isReadOnly());
            assertThrows(ReadOnlyBufferException.class, () -> view.put(0, (byte) 'x'));
            assertEquals(2, view.remaining());
            byte[] copy = f.bytes();
            copy[0] = 'z';
            assertEquals('a', f.get(0));
            buffer.array()[buffer.frameStart()] = (byte) 'Q'; // rules may rewrite in place; the view sees it
            assertEquals('Q', view.get(0));
            assertThrows(IndexOutOfBoundsException.class, () -> f.get(2));
        }
    }

    @Test
    void aLiveFrameBlocksEveryOperationThatWouldMoveOrOverwriteIt() throws Exception {
        FrameBuffer buffer = bufferWith("ab\ncd");
        Frame f = buffer.next(LINES);
        String[] refusals = {
            assertThrows(IllegalStateException.class, () -> buffer.append(b("0123456789"))).getMessage(),
            assertThrows(IllegalStateException.class, () -> buffer.ensureWritable(20)).getMessage(),
            assertThrows(IllegalStateException.class, buffer::clear).getMessage(),
            assertThrows(IllegalStateException.class, buffer::takeRemainder).getMessage(),
            assertThrows(IllegalStateException.class, buffer::endOfStream).getMessage(),
        };
        for (String m : refusals) {
            assertTrue(m.contains("frame #1 at [0, 2) is still alive"), m);
        }
        assertTrue(assertThrows(IllegalStateException.class, () -> buffer.next(LINES)).getMessage()
                .startsWith("frame #1 is still alive"));
        buffer.append(b("e")); // free space at the end: allowed, the frame's bytes stay put
        assertEquals("ab", f.toString(StandardCharsets.US_ASCII));
        f.consume();
        buffer.append(b("fghijklmnop\n")); // now it may compact and grow
        try (Frame g = buffer.next(LINES)) {
            assertEquals("cdefghijklmnop", g.toString(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theAllocationFreePathHandsOutTheSameFrames() throws Exception {
        FrameBuffer buffer = bufferWith("ab\r\ncd\n");
        assertTrue(buffer.advance(LINES));
        assertEquals("ab", new String(buffer.array(), buffer.frameStart(),
                buffer.frameEnd() - buffer.frameStart(), StandardCharsets.US_ASCII));
        assertEquals(ScanResult.TYPE_DATA, buffer.frameType());
        buffer.consumeFrame();
        assertThrows(IllegalStateException.class, buffer::frameStart);
        assertThrows(IllegalStateException.class, buffer::consumeFrame);
        Frame f = buffer.next(LINES);
        assertNotNull(f);
        assertEquals(2, f.id());
        assertArrayEquals(b("cd"), f.bytes());
    }
}
