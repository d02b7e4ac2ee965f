package org.streamframer.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.streamframer.framing.rules.LineRule;
import org.streamframer.framing.rules.Rules;

/** FrameReader over real loopback sockets (ephemeral ports), pipes and streams. */
class FrameReaderTest {

    /** Long enough never to fire on a loaded machine when bytes are on their way. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(50);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T opened(T c) {
        open.add(c);
        return c;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(Frame f) {
        try (f) {
            return f.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** A connected pair of plain sockets on 127.0.0.1: [client, server side]. */
    private Socket[] socketPair() throws IOException {
        ServerSocket server = opened(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        Socket client = opened(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        Socket peer = opened(server.accept());
        return new Socket[] {client, peer};
    }

    private static void send(Socket s, String bytes) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(b(bytes));
        out.flush();
    }

    @Test
    void framesArriveOverALoopbackSocketAndAPartialFrameAtTheEndIsReported() throws Exception {
        Socket[] pair = socketPair();
        FrameReader reader = opened(FrameReader.of(pair[0], Rules.lines()));
        send(pair[1], "one\r");
        send(pair[1], "\ntwo\nthree\r\npar");
        assertEquals("one", text(reader.next()));
        assertEquals("two", text(reader.next()));
        assertEquals("three", text(reader.next()));
        pair[1].close();
        PartialFrameException e = assertThrows(PartialFrameException.class, reader::next);
        assertArrayEquals(b("par"), e.partialBytes());
        assertEquals("end of stream with a partial frame of 3 bytes buffered", e.getMessage());
        assertTrue(reader.isEndOfStream());
        assertNull(reader.next());
        assertNull(reader.poll());
    }

    @Test
    void aCleanEndOfStreamGivesNullAfterTheLastFrame() throws Exception {
        Socket[] pair = socketPair();
        FrameReader reader = opened(FrameReader.of(pair[0], Rules.lines()));
        send(pair[1], "last\n");
        pair[1].close();
        assertEquals("last", text(reader.next()));
        assertNull(reader.next());
        assertTrue(reader.isEndOfStream());
    }

    @Test
    void aSocketReadTimesOutThroughSoTimeoutAndKeepsThePartialBytes() throws Exception {
        Socket[] pair = socketPair();
        pair[0].setSoTimeout(12345);
        FrameReader reader = opened(FrameReader.of(pair[0], Rules.lines()));
        send(pair[1], "abc");
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> reader.next(SHORT));
        assertTrue(e.getMessage().startsWith("no complete frame within 50 ms ("), e.getMessage());
        assertEquals(12345, pair[0].getSoTimeout(), "the caller's SO_TIMEOUT is restored");
        send(pair[1], "def\n");
        assertEquals("abcdef", text(reader.next(PATIENCE)));
        assertFalse(reader.isEndOfStream());
    }

    @Test
    void pollOnASocketReadsOnlyWhatIsThereAndNeverBlocks() throws Exception {
        Socket[] pair = socketPair();
        FrameReader reader = opened(FrameReader.of(pair[0], Rules.lines()));
        assertNull(reader.poll());
        send(pair[1], "a\nb\nc");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (pair[0].getInputStream().available() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals("a", text(reader.poll()));
        assertEquals("b", text(reader.poll()));
        assertNull(reader.poll(), "c has no line end yet");
        assertFalse(reader.isEndOfStream());
        assertEquals(1, reader.buffer().readable());
    }

    @Test
    void framesArriveOverANonBlockingSocketChannelWithATimeout() throws Exception {
        ServerSocketChannel server = opened(ServerSocketChannel.open());
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        SocketChannel client = opened(SocketChannel.open(server.getLocalAddress()));
        SocketChannel peer = opened(server.accept());
        client.configureBlocking(false);
        FrameReader reader = opened(FrameReader.of(client, new FrameBuffer(), Rules.crlf()));
        assertThrows(SocketTimeoutException.class, () -> reader.next(SHORT));
        peer.write(ByteBuffer.wrap(b("*IDN?\r\nREADY\r")));
        assertEquals("*IDN?", text(reader.next(PATIENCE)));
        assertThrows(SocketTimeoutException.class, () -> reader.next(SHORT));
        peer.write(ByteBuffer.wrap(b("\n")));
        assertEquals("READY", text(reader.next()));
        peer.close();
        assertNull(reader.next(PATIENCE));
        assertTrue(reader.isEndOfStream());
    }

    @Test
    void framesArriveOverANonBlockingPipeWithPollAndTimeout() throws Exception {
        Pipe pipe = Pipe.open();
        opened(pipe.sink());
        pipe.source().configureBlocking(false);
        FrameReader reader = opened(FrameReader.of(pipe.source(), new FrameBuffer(), Rules.eot()));
        assertNull(reader.poll());
        pipe.sink().write(ByteBuffer.wrap(b("ab\4c")));
        assertEquals("ab", text(reader.next(PATIENCE)));
        assertNull(reader.poll());
        assertThrows(SocketTimeoutException.class, () -> reader.next(SHORT));
        pipe.sink().close();
        PartialFrameException e = assertThrows(PartialFrameException.class, () -> reader.next(PATIENCE));
        assertArrayEquals(b("c"), e.partialBytes());
        assertNull(reader.next());
    }

    @Test
    void aBlockingPipeReadsButRefusesATimeout() throws Exception {
        Pipe pipe = Pipe.open();
        opened(pipe.sink());
        FrameReader reader = opened(FrameReader.of(pipe.source(), new FrameBuffer(), Rules.lf()));
        pipe.sink().write(ByteBuffer.wrap(b("x\ny")));
        assertEquals("x", text(reader.next()));
        assertNull(reader.poll(), "a blocking channel only gives what is buffered");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.next(SHORT));
        assertTrue(e.getMessage().contains("configureBlocking(false)"), e.getMessage());
    }

    @Test
    void aStreamDeliveringOneByteAtATimeGivesTheSameFrames() throws Exception {
        byte[] input = b("alpha\r\nbeta\n\ngamma\r\n");
        InputStream oneByte = new FilterInputStream(new ByteArrayInputStream(input)) {
            @Override
            public int read(byte[] dst, int off, int len) throws IOException {
                return super.read(dst, off, Math.min(1, len));
            }
        };
        FrameReader reader = FrameReader.of(oneByte, new FrameBuffer(16, 1024), Rules.lines());
        List<String> frames = new ArrayList<>();
        for (Frame f; (f = reader.next()) != null; ) {
            frames.add(text(f));
        }
        assertEquals(List.of("alpha", "beta", "", "gamma"), frames);
        assertThrows(UnsupportedOperationException.class, () -> reader.next(SHORT));
    }

    @Test
    void aPlainChannelReadsAndTheAllocationFreeFormWorksToo() throws Exception {
        FrameReader reader = FrameReader.of(Channels.newChannel(new ByteArrayInputStream(b("12\n34\n"))),
                new FrameBuffer(), Rules.lf());
        assertNull(reader.poll());
        assertTrue(reader.advance());
        FrameBuffer buffer = reader.buffer();
        assertEquals("12", new String(buffer.array(), buffer.frameStart(), buffer.frameEnd() - buffer.frameStart(),
                StandardCharsets.US_ASCII));
        buffer.consumeFrame();
        assertTrue(reader.advance());
        buffer.consumeFrame();
        assertFalse(reader.advance());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> reader.next(SHORT));
        assertTrue(e.getMessage().contains("cannot time out"), e.getMessage());
    }

    @Test
    void framingErrorsAreThrownOnceAndReadingGoesOn() throws Exception {
        FrameReader reader = FrameReader.of(new ByteArrayInputStream(b("ok\n0123456789\nnext\n")),
                new FrameBuffer(16, 1024), new LineRule(true, 4));
        assertEquals("ok", text(reader.next()));
        FrameTooLongException e = assertThrows(FrameTooLongException.class, reader::next);
        assertEquals("frame length (10) exceeds the allowed maximum (4)", e.getMessage());
        assertEquals("next", text(reader.next()));
        assertNull(reader.next());
    }

    @Test
    void anOverlongFrameCutShortByTheEndOfStreamIsReportedAsTooLong() throws Exception {
        FrameReader reader = FrameReader.of(new ByteArrayInputStream(b("0123456789")),
                new FrameBuffer(16, 1024), new LineRule(true, 4));
        FrameTooLongException e = assertThrows(FrameTooLongException.class, reader::next);
        assertFalse(e.lengthKnown());
        assertEquals(10, e.frameLength());
        assertNull(reader.next());
    }

    @Test
    void aFrameAlreadyReportedAsTooLongIsNotReportedAgainAtTheEndOfStream() throws Exception {
        FrameReader failFast = FrameReader.of(new ByteArrayInputStream(b("0123456789")),
                new FrameBuffer(16, 1024), new LineRule(true, 4, true));
        assertFalse(assertThrows(FrameTooLongException.class, failFast::next).lengthKnown());
        assertNull(failFast.next());
        assertTrue(failFast.isEndOfStream());

        byte[] declaresTooMuch = {0, 100, 'a', 'b', 'c'};
        FrameReader skipping = FrameReader.of(new ByteArrayInputStream(declaresTooMuch),
                new FrameBuffer(16, 1024), new org.streamframer.framing.rules.LengthFieldRule(
                        0, 2, java.nio.ByteOrder.BIG_ENDIAN, 0, 2, 16));
        assertEquals(102, assertThrows(FrameTooLongException.class, skipping::next).frameLength());
        assertNull(skipping.next());
    }

    @Test
    void aRuleWithAnIdleTimeoutIsAskedAgainWhenTheLineGoesQuiet() throws Exception {
        long gap = Duration.ofMillis(30).toNanos();
        FrameRule quietEndsAFrame = new FrameRule() {
            @Override
            public void scan(FrameBuffer buffer, int from, ScanResult out) {
                if (buffer.readable() > 0 && buffer.nanoTime() - buffer.lastFillNanos() >= gap) {
                    out.frame(buffer.start(), buffer.end(), buffer.end());
                } else {
                    out.needMore(buffer.end());
                }
            }

            @Override
            public int maxFrameLength() {
                return 1024;
            }

            @Override
            public long idleTimeoutNanos() {
                return gap;
            }
        };
        Socket[] pair = socketPair();
        FrameReader reader = opened(FrameReader.of(pair[0], new FrameBuffer(), quietEndsAFrame));
        send(pair[1], "burst");
        assertEquals("burst", text(reader.next()));
        send(pair[1], "again");
        assertEquals("again", text(reader.next(PATIENCE)));
    }

    @Test
    void theNextFrameIsRefusedWhileThePreviousOneIsAlive() throws Exception {
        FrameReader reader = FrameReader.of(new ByteArrayInputStream(b("a\nb\n")), new FrameBuffer(), Rules.lf());
        Frame a = reader.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, reader::next);
        assertTrue(e.getMessage().contains("consume() it"), e.getMessage());
        assertEquals("a", text(a));
        assertEquals("b", text(reader.next()));
    }

    @Test
    void closeClosesTheSource() throws Exception {
        Socket[] pair = socketPair();
        FrameReader reader = FrameReader.of(pair[0], Rules.lines());
        reader.close();
        assertTrue(pair[0].isClosed());
        Pipe pipe = Pipe.open();
        opened(pipe.sink());
        pipe.source().configureBlocking(false);
        FrameReader piped = FrameReader.of(pipe.source(), new FrameBuffer(), Rules.lines());
        assertThrows(SocketTimeoutException.class, () -> piped.next(Duration.ofMillis(1)));
        piped.close();
        assertFalse(pipe.source().isOpen());
    }
}
