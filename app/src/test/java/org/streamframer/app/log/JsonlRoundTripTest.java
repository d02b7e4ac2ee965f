package org.streamframer.app.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.sim.SimConfig;
import org.streamframer.app.sim.SimulatedInstrument;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.scpi.InstrumentSession;
import org.streamframer.framing.scpi.Terminator;
import org.streamframer.framing.transport.TcpClientTransport;

/** A logged session, re-opened, gives back the same frames: bytes, direction, order, timestamps. */
class JsonlRoundTripTest {

    @TempDir
    Path dir;

    private static FrameEvent frame(long seq, Direction d, Instant t, long mono, byte[] b) {
        return new FrameEvent(seq, d, t, mono, b, 0, null);
    }

    @Test
    void everyByteValueAndNanosecondTimestampsSurvive() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        Instant t0 = Instant.parse("2026-12-01T09:00:00.123456789Z");
        List<FrameEvent> sent = List.of(
                frame(1, Direction.TX, t0, 1_000_000_001L, "*IDN?\n".getBytes()),
                frame(2, Direction.RX, t0.plusNanos(1), 1_000_000_002L, "ACME,\"quoted\",\\ \t\r\n".getBytes()),
                frame(3, Direction.RX, t0.plusSeconds(1), Long.MAX_VALUE, all),
                frame(4, Direction.TX, t0.plusSeconds(2), -5L, new byte[0]),
                frame(5, Direction.RX, Instant.parse("2026-12-01T09:00:03Z"), 7L, "\u00e9\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        Path file = dir.resolve("s.jsonl");
        List<LogWriteException> errors = new CopyOnWriteArrayList<>();
        try (JsonlFrameWriter w = JsonlFrameWriter.start(file, errors::add)) {
            sent.forEach(w::onFrame);
        }
        assertEquals(List.of(), errors);
        JsonlFrameReader.Contents back = JsonlFrameReader.read(file);
        assertEquals(List.of(), back.problems());
        assertSame(sent, back.frames());
        assertEquals(1L, back.frames().get(0).queryId(), "the query");
        assertEquals(1L, back.frames().get(1).queryId(), "its answer");
        assertNull(back.frames().get(2).queryId(), "no query waiting");
    }

    @Test
    void fieldsAreExactlyTheContractsInOrder() throws Exception {
        Path file = dir.resolve("f.jsonl");
        try (JsonlFrameWriter w = JsonlFrameWriter.start(file, e -> { })) {
            w.onFrame(frame(1, Direction.TX, Instant.parse("2026-12-01T09:00:00.5Z"), 42, "MEAS?\n".getBytes()));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size());
        assertEquals("{\"utc\":\"2026-12-01T09:00:00.500Z\",\"mono_ns\":42,\"dir\":\"TX\",\"len\":6,"
                + "\"hex\":\"4d4541533f0a\",\"text\":\"MEAS?\\n\",\"query_id\":1}", lines.get(0));
        JsonNode n = new ObjectMapper().readTree(lines.get(0));
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("utc", "mono_ns", "dir", "len", "hex", "text", "query_id"), names);
    }

    @Test
    void aRealSessionWithTheSimulatorReadsBackTheSame() throws Exception {
        Path file = dir.resolve("sim.jsonl");
        List<FrameEvent> seen = new CopyOnWriteArrayList<>();
        List<LogWriteException> errors = new CopyOnWriteArrayList<>();
        try (SimulatedInstrument sim = new SimulatedInstrument(SimConfig.ephemeral()).start();
             InstrumentSession s = InstrumentSession.open(
                     TcpClientTransport.factory("127.0.0.1", sim.port(), Duration.ofSeconds(5)), Terminator.LF)) {
            JsonlFrameWriter log = JsonlFrameWriter.start(file, errors::add);
            ReaderListener capture = new ReaderListener() {
                @Override
                public void onFrame(FrameEvent e) {
                    seen.add(e);
                }
            };
            s.reader().addListener(log);
            s.reader().addListener(capture);
            s.identify(Duration.ofSeconds(5));
            s.query("MEAS:VOLT:DC?", Duration.ofSeconds(5));
            s.write("*CLS");
            s.query("SYST:ERR?", Duration.ofSeconds(5));
            // the session sees an answer before the listeners after it: wait until the last one
            // (capture, added after the log) has it too
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (seen.size() < 7 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            s.reader().removeListener(log);
            s.reader().removeListener(capture);
            log.close();
            assertEquals(0, log.dropped());
        }
        assertEquals(List.of(), errors);
        assertEquals(7, seen.size(), "3 queries, 3 answers, 1 command: " + seen);
        JsonlFrameReader.Contents back = JsonlFrameReader.read(file);
        assertEquals(List.of(), back.problems());
        assertSame(seen, back.frames());
        List<Long> ids = back.frames().stream().map(LoggedFrame::queryId).toList();
        assertEquals(java.util.Arrays.asList(1L, 1L, 2L, 2L, null, 3L, 3L), ids);
    }

    @Test
    void badLinesAreReportedByNumberAndTheRestIsRead() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        String good = JsonlFormat.toLine(frame(1, Direction.RX, Instant.EPOCH, 1, "ok".getBytes()), null);
        Files.writeString(file, String.join("\n", good,
                "{not json",
                good.replace("\"len\":2", "\"len\":3"),
                good.replace("\"RX\"", "\"UP\""),
                "",
                good.replace("\"hex\":\"6f6b\"", "\"hex\":\"6g\""),
                good.replace(",\"mono_ns\":1", ""),
                "{\"utc\":\"2026-12-01T09:00:00Z\",\"mono_ns\":1,\"dir\":\"RX\",\"len\":0,\"hex\":\"\",\"text\":\"\"}",
                good.substring(0, 20)) + "\n");
        JsonlFrameReader.Contents c = JsonlFrameReader.read(file);
        assertEquals(2, c.frames().size(), "line 1 and line 8 (query_id may be absent)");
        assertEquals(List.of(1L, 8L), c.frames().stream().map(LoggedFrame::line).toList());
        List<String> msgs = c.problems().stream().map(Throwable::getMessage).toList();
        assertEquals(6, msgs.size(), msgs.toString());
        assertTrue(msgs.get(0).startsWith("line 2: not JSON"), msgs.get(0));
        assertEquals("line 3: field 'len' is 3 but 'hex' holds 2 bytes", msgs.get(1));
        assertEquals("line 4: field 'dir' is \"UP\", expected RX or TX", msgs.get(2));
        assertTrue(msgs.get(3).startsWith("line 6: field 'hex' is not hex"), msgs.get(3));
        assertEquals("line 7: field 'mono_ns' is missing", msgs.get(4));
        assertTrue(msgs.get(5).startsWith("line 9: not JSON"), msgs.get(5));
    }

    /** Same bytes, direction, order, wall-clock and monotonic timestamps. */
    static void assertSame(List<FrameEvent> expected, List<LoggedFrame> actual) {
        assertEquals(expected.size(), actual.size());
        Iterator<LoggedFrame> it = actual.iterator();
        for (FrameEvent e : expected) {
            LoggedFrame f = it.next();
            String where = "frame " + e.sequence();
            assertArrayEquals(e.bytes(), f.bytes(), where);
            assertEquals(e.direction(), f.direction(), where);
            assertEquals(e.time(), f.utc(), where);
            assertEquals(e.monotonicNanos(), f.monotonicNanos(), where);
            FrameEvent again = f.toFrameEvent();
            assertEquals(e.direction(), again.direction());
            assertEquals(e.time(), again.time());
        }
    }
}
