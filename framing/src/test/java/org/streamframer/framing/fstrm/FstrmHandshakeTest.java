package org.streamframer.framing.fstrm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bidirectional handshake, our sender against our receiver and against scripted peers. */
class FstrmHandshakeTest {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private ExecutorService peer;
    private ServerSocket server;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        peer = Executors.newCachedThreadPool(r -> new Thread(r, "fstrm-test-peer-" + THREADS.incrementAndGet()));
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        server.close();
        peer.shutdownNow();
        assertTrue(peer.awaitTermination(10, TimeUnit.SECONDS), "peer threads did not end");
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        sockets.add(s);
        return s;
    }

    /** Accepts one connection and runs {@code receiver} on it in a peer thread; closes it after. */
    private Future<FstrmResult> receiveOnce(FstrmReceiver receiver, List<byte[]> into) {
        return peer.submit(() -> {
            try (Socket s = server.accept()) {
                return receiver.receive(s.getInputStream(), s.getOutputStream(), p -> {
                    byte[] b = new byte[p.remaining()];
                    p.get(b);
                    return into.add(b);
                });
            }
        });
    }

    private static Throwable cause(Future<?> f) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void senderReplaysTheKnotFileToOurReceiverOverTcp() throws Exception {
        List<byte[]> got = new ArrayList<>();
        Future<FstrmResult> result = receiveOnce(new FstrmReceiver(Set.of("other", Fixtures.DNSTAP_TYPE)), got);
        long sent;
        try (Socket s = connect(); FstrmFileReader file = FstrmFileReader.open(Fixtures.path(Fixtures.KNOT_DNSTAP))) {
            sent = FstrmSender.replay(s, file);
        }
        FstrmResult r = result.get(30, TimeUnit.SECONDS);
        assertEquals(Fixtures.KNOT_DNSTAP_FRAMES, sent);
        assertEquals(new FstrmResult(Fixtures.DNSTAP_TYPE, 82, r.dataBytes(), true), r);
        try (FstrmFileReader file = FstrmFileReader.open(Fixtures.path(Fixtures.KNOT_DNSTAP))) {
            List<byte[]> expected = file.readAll();
            assertEquals(expected.size(), got.size());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), got.get(i), "frame " + i);
            }
            assertEquals(expected.stream().mapToLong(b -> b.length).sum(), r.dataBytes());
        }
    }

    @Test
    void handshakeWorksOverPlainPipes() throws Exception {
        PipedInputStream toReceiver = new PipedInputStream(64 * 1024);
        PipedOutputStream senderOut = new PipedOutputStream(toReceiver);
        PipedInputStream toSender = new PipedInputStream(64 * 1024);
        PipedOutputStream receiverOut = new PipedOutputStream(toSender);
        List<String> got = new ArrayList<>();
        Future<FstrmResult> result = peer.submit(() -> new FstrmReceiver(Set.of("t")).receive(toReceiver, receiverOut, p -> {
            byte[] b = new byte[p.remaining()];
            p.get(b);
            return got.add(new String(b, java.nio.charset.StandardCharsets.US_ASCII));
        }));
        try (FstrmSender s = FstrmSender.open(toSender, senderOut, "t", Duration.ofSeconds(20))) {
            s.send("first".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.send(ByteBuffer.wrap(new byte[] {'2'}).asReadOnlyBuffer());
        }
        assertEquals(new FstrmResult("t", 2, 6, true), result.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("first", "2"), got);
    }

    @Test
    void receiverRefusingTheContentTypeIsAClearErrorOnBothSidesNotAHang() throws Exception {
        Future<FstrmResult> result = receiveOnce(new FstrmReceiver(new java.util.LinkedHashSet<>(List.of("a", "b"))), new ArrayList<>());
        long t0 = System.nanoTime();
        FstrmProtocolException senderError;
        try (Socket s = connect()) {
            senderError = assertThrows(FstrmProtocolException.class,
                    () -> FstrmSender.open(s.getInputStream(), s.getOutputStream(), "c", Duration.ofSeconds(60)));
        }
        assertFalse(senderError instanceof FstrmTimeoutException, "the close ends the wait, not the timeout");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30));
        assertTrue(senderError.getMessage().contains("ACCEPT") && senderError.getMessage().contains("\"c\""),
                senderError.getMessage());
        Throwable receiverError = cause(result);
        assertInstanceOf(FstrmContentTypeException.class, receiverError);
        assertEquals("content type mismatch: the sender offers [\"c\"], we accept [\"a\", \"b\"]",
                receiverError.getMessage());
        assertEquals(List.of("c"), ((FstrmContentTypeException) receiverError).offered());
    }

    @Test
    void senderRefusesAnAcceptThatNamesOnlyOtherTypes() throws Exception {
        Future<byte[]> scripted = peer.submit(() -> {
            try (Socket s = server.accept()) {
                byte[] ready = s.getInputStream().readNBytes(FstrmEncoder.encodeControl(ControlFrame.ready(List.of("mine"))).length);
                s.getOutputStream().write(FstrmEncoder.encodeControl(ControlFrame.accept(List.of("yours", "theirs"))));
                s.getInputStream().read(); // until the sender closes
                return ready;
            }
        });
        try (Socket s = connect()) {
            FstrmContentTypeException e = assertThrows(FstrmContentTypeException.class,
                    () -> FstrmSender.open(s, "mine"));
            assertEquals("content type mismatch: the receiver accepts [\"yours\", \"theirs\"], we send \"mine\"", e.getMessage());
        }
        assertArrayEquals(FstrmEncoder.encodeControl(ControlFrame.ready(List.of("mine"))), scripted.get(30, TimeUnit.SECONDS));
    }

    @Test
    void receiverTimesOutWaitingForReadyOnASilentSocket() throws Exception {
        Future<FstrmResult> result = peer.submit(() -> {
            try (Socket s = server.accept()) {
                return new FstrmReceiver(Set.of(), Duration.ofMillis(300), FstrmRule.DEFAULT_MAX_DATA_LENGTH)
                        .receive(s.getInputStream(), s.getOutputStream(), p -> true);
            }
        });
        try (Socket s = connect()) {
            Throwable e = cause(result);
            assertInstanceOf(FstrmTimeoutException.class, e);
            assertEquals("no READY from the sender within 300 ms; the connection was closed", e.getMessage());
            assertEquals(-1, s.getInputStream().read(), "the receiver closed the connection");
        }
    }

    @Test
    void receiverTimesOutOnASilentPipeToo() throws Exception {
        PipedInputStream in = new PipedInputStream();
        PipedOutputStream keepOpen = new PipedOutputStream(in);
        FstrmReceiver receiver = new FstrmReceiver(Set.of("t"), Duration.ofMillis(200), 4096);
        Future<FstrmResult> result = peer.submit(() -> receiver.receive(in, OutputStream.nullOutputStream(), p -> true));
        Throwable e = cause(result);
        assertInstanceOf(FstrmTimeoutException.class, e);
        keepOpen.close();
    }

    @Test
    void senderTimesOutWaitingForFinish() throws Exception {
        Future<Integer> scripted = peer.submit(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                in.readNBytes(FstrmEncoder.encodeControl(ControlFrame.ready(List.of("t"))).length);
                s.getOutputStream().write(FstrmEncoder.encodeControl(ControlFrame.accept(List.of("t"))));
                return in.readAllBytes().length; // START, data, STOP; never FINISH
            }
        });
        try (Socket s = connect()) {
            // generous: the same timeout bounds the wait for ACCEPT, which a loaded machine may delay
            FstrmSender sender = FstrmSender.open(s.getInputStream(), s.getOutputStream(), "t", Duration.ofSeconds(2));
            sender.send(new byte[] {1, 2, 3});
            FstrmTimeoutException e = assertThrows(FstrmTimeoutException.class, sender::finish);
            assertEquals("no FINISH from the receiver after 1 data frames within 2000 ms; the connection was closed",
                    e.getMessage());
            assertThrows(IllegalStateException.class, () -> sender.send(new byte[] {4}));
        }
        // START(t) 21 + data 7 + STOP 12
        assertEquals(21 + 7 + 12, scripted.get(30, TimeUnit.SECONDS));
    }

    @Test
    void handlerMayStopEarly() throws Exception {
        Future<FstrmResult> result = peer.submit(() -> {
            try (Socket s = server.accept()) {
                return FstrmReceiver.accept(s, Set.of(Fixtures.DNSTAP_TYPE), new FstrmDataHandler() {
                    int n;

                    @Override
                    public boolean onData(ByteBuffer payload) {
                        return ++n < 5;
                    }
                });
            }
        });
        try (Socket s = connect(); FstrmFileReader file = FstrmFileReader.open(Fixtures.path(Fixtures.KNOT_DNSTAP))) {
            // the receiver leaves after 5 frames without FINISH: the sender's finish fails clearly
            IOException e = assertThrows(IOException.class, () -> FstrmSender.replay(s, file));
            assertNotNull(e.getMessage());
        }
        FstrmResult r = result.get(30, TimeUnit.SECONDS);
        assertEquals(5, r.dataFrames());
        assertFalse(r.stopped());
    }

    @Test
    void framesOutOfOrderAreProtocolErrors() throws Exception {
        FstrmReceiver receiver = new FstrmReceiver(Set.of("t"), Duration.ofSeconds(5), 4096);
        byte[] dataBeforeReady = FstrmStreams.stream().data("x").bytes();
        FstrmProtocolException e = assertThrows(FstrmProtocolException.class, () -> receiver.receive(
                new ByteArrayInputStream(dataBeforeReady), OutputStream.nullOutputStream(), p -> true));
        assertEquals("expected READY from the sender, got a data frame of 1 bytes", e.getMessage());

        byte[] readyThenStop = FstrmStreams.stream().control(ControlFrame.ready(List.of("t")))
                .control(ControlFrame.stop()).bytes();
        e = assertThrows(FstrmProtocolException.class, () -> receiver.receive(
                new ByteArrayInputStream(readyThenStop), OutputStream.nullOutputStream(), p -> true));
        assertEquals("expected START from the sender, got STOP", e.getMessage());

        byte[] readyInData = FstrmStreams.stream().control(ControlFrame.ready(List.of("t")))
                .control(ControlFrame.start("t")).data("1").control(ControlFrame.ready(List.of())).bytes();
        e = assertThrows(FstrmProtocolException.class, () -> receiver.receive(
                new ByteArrayInputStream(readyInData), OutputStream.nullOutputStream(), p -> true));
        assertEquals("unexpected READY after 1 data frames; expected data or STOP", e.getMessage());

        byte[] noStop = FstrmStreams.stream().control(ControlFrame.ready(List.of()))
                .control(ControlFrame.start(null)).data("1").data("2").bytes();
        e = assertThrows(FstrmProtocolException.class, () -> receiver.receive(
                new ByteArrayInputStream(noStop), OutputStream.nullOutputStream(), p -> true));
        assertEquals("the stream ended after 2 data frames without STOP", e.getMessage());

        byte[] otherStart = FstrmStreams.stream().control(ControlFrame.ready(List.of()))
                .control(ControlFrame.start("u")).bytes();
        FstrmContentTypeException ct = assertThrows(FstrmContentTypeException.class, () -> receiver.receive(
                new ByteArrayInputStream(otherStart), OutputStream.nullOutputStream(), p -> true));
        assertEquals("the sender STARTed content type \"u\", which we do not accept (we accept [\"t\"])", ct.getMessage());
    }

    @Test
    void receiverAnswersAcceptAndFinishAsTheCLibraryDoes() throws Exception {
        byte[] session = FstrmStreams.stream().control(ControlFrame.ready(List.of("x", "t", "y")))
                .control(ControlFrame.start("t")).data("1").control(ControlFrame.stop()).bytes();
        java.io.ByteArrayOutputStream answers = new java.io.ByteArrayOutputStream();
        FstrmResult r = new FstrmReceiver(Set.of("t")).receive(new ByteArrayInputStream(session), answers, p -> true);
        assertEquals(new FstrmResult("t", 1, 1, true), r);
        assertArrayEquals(FstrmStreams.stream().control(ControlFrame.accept(List.of("t")))
                .control(ControlFrame.finish()).bytes(), answers.toByteArray());
        assertTrue(Files.exists(Fixtures.path(Fixtures.KNOT_DNSTAP)));
    }
}
