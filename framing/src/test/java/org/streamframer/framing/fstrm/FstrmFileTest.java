package org.streamframer.framing.fstrm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.FrameTooLongException;
import org.streamframer.framing.FramingException;
import org.streamframer.framing.PartialFrameException;

class FstrmFileTest {

    private static byte[] knot() throws Exception {
        return Files.readAllBytes(Fixtures.path(Fixtures.KNOT_DNSTAP));
    }

    @Test
    void knotDnstapFileIsReadAndReEncodedByteIdentical() throws Exception {
        byte[] original = knot();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (FstrmFileReader r = new FstrmFileReader(new ByteArrayInputStream(original));
             FstrmFileWriter w = new FstrmFileWriter(copy, r.contentType())) {
            assertEquals(Fixtures.DNSTAP_TYPE, r.contentType());
            for (ByteBuffer p = r.next(); p != null; p = r.next()) {
                w.write(p);
            }
            assertTrue(r.isStopped());
            assertEquals(Fixtures.KNOT_DNSTAP_FRAMES, r.dataFrames());
            assertEquals(Fixtures.KNOT_DNSTAP_FRAMES, w.framesWritten());
        }
        assertArrayEquals(original, copy.toByteArray());
    }

    @Test
    void knotDnstapFramesAreDnstapMessages() throws Exception {
        try (FstrmFileReader r = FstrmFileReader.open(Fixtures.path(Fixtures.KNOT_DNSTAP))) {
            List<byte[]> frames = r.readAll();
            assertEquals(Fixtures.KNOT_DNSTAP_FRAMES, frames.size());
            assertEquals(95, frames.get(0).length);  // as fstrm_dump reports the first
            for (byte[] f : frames) {
                // protobuf field 1 (identity, bytes) "vm": every Knot frame begins 0a 02 'v' 'm'
                assertArrayEquals(new byte[] {0x0a, 0x02, 'v', 'm'}, Arrays.copyOf(f, 4));
            }
            assertNull(r.next(), "nothing after STOP");
        }
    }

    @Test
    void truncatedStreamDeliversEveryWholeFrameThenSaysPartial() throws Exception {
        byte[] original = knot();
        // cut 5 bytes into the 11th data frame
        int cut = offsetOfDataFrame(original, 10) + 5;
        FstrmFileReader r = new FstrmFileReader(new ByteArrayInputStream(Arrays.copyOf(original, cut)));
        List<Integer> lengths = new ArrayList<>();
        PartialFrameException e = assertThrows(PartialFrameException.class, () -> {
            for (ByteBuffer p = r.next(); p != null; p = r.next()) {
                lengths.add(p.remaining());
            }
        });
        assertEquals(10, lengths.size());
        assertEquals(5, e.partialLength());
        assertTrue(e.getMessage().contains("5 bytes"), e.getMessage());
    }

    @Test
    void streamEndingBetweenFramesWithoutStopIsAProtocolError() throws Exception {
        byte[] original = knot();
        int cut = offsetOfDataFrame(original, 3);
        FstrmFileReader r = new FstrmFileReader(new ByteArrayInputStream(Arrays.copyOf(original, cut)));
        FstrmProtocolException e = assertThrows(FstrmProtocolException.class, () -> {
            while (r.next() != null) {
                assertFalse(r.isStopped());
            }
        });
        assertEquals(3, r.dataFrames());
        assertEquals("the stream ended after 3 data frames without STOP", e.getMessage());
    }

    @Test
    void fileMustBeginWithStart() {
        byte[] dataFirst = FstrmStreams.stream().data("x").control(ControlFrame.stop()).bytes();
        FstrmProtocolException e = assertThrows(FstrmProtocolException.class,
                () -> new FstrmFileReader(new ByteArrayInputStream(dataFirst)));
        assertEquals("expected START at the beginning of the stream, got a data frame of 1 bytes", e.getMessage());
        assertThrows(FstrmProtocolException.class, () -> new FstrmFileReader(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void oversizeAndCorruptFramesAreReportedAndReadingGoesOn() throws Exception {
        byte[] input = FstrmStreams.stream()
                .control(ControlFrame.start("t"))
                .data("one")
                .data(new byte[600])
                .u32(0, 4, 42)
                .data("two")
                .control(ControlFrame.stop())
                .bytes();
        List<String> seen = new ArrayList<>();
        try (FstrmFileReader r = new FstrmFileReader(new ByteArrayInputStream(input), 512)) {
            long n = r.forEach(new FstrmDataHandler() {
                @Override
                public boolean onData(ByteBuffer payload) {
                    byte[] b = new byte[payload.remaining()];
                    payload.get(b);
                    return seen.add(new String(b, java.nio.charset.StandardCharsets.US_ASCII));
                }

                @Override
                public void onError(FramingException error) {
                    seen.add(error.getClass().getSimpleName() + ": " + error.getMessage());
                }
            });
            assertEquals(2, n);
            assertTrue(r.isStopped());
        }
        assertEquals(List.of("one",
                FrameTooLongException.class.getSimpleName() + ": frame length (600) exceeds the allowed maximum (512)",
                "CorruptFrameException: unknown control type 42 (known: ACCEPT=1, START=2, STOP=3, READY=4, FINISH=5)",
                "two"), seen);
    }

    /** Offset of data frame {@code index} (0-based) in a stream that begins with START. */
    static int offsetOfDataFrame(byte[] s, int index) {
        ByteBuffer b = ByteBuffer.wrap(s);
        b.position(8 + b.getInt(4)); // past START
        for (int i = 0; i < index; i++) {
            b.position(b.position() + 4 + b.getInt(b.position()));
        }
        return b.position();
    }
}
