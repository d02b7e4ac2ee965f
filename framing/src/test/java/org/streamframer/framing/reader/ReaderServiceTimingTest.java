package org.streamframer.framing.reader;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.rules.IdleGapRule;
import org.streamframer.framing.transport.TcpClientTransport;
import org.streamframer.framing.transport.TransportFactory;

/** Time in the reader: idle-gap rules framed while no byte arrives, and the rates. */
class ReaderServiceTimingTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    private static TransportFactory tcp(LoopbackServer s) {
        return TcpClientTransport.factory("127.0.0.1", s.port(), Duration.ofSeconds(5));
    }

    @Test
    void idleGapFramesEndWhenTheLineGoesQuietWithoutAnotherByte() throws Exception {
        CountDownLatch next = new CountDownLatch(1);
        try (LoopbackServer server = new LoopbackServer(s -> {
            OutputStream out = s.getOutputStream();
            out.write("abc".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            next.await(10, TimeUnit.SECONDS);
            out.write("defg".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(10_000);
        })) {
            Recorder rec = new Recorder();
            try (ReaderService r = ReaderService.builder(tcp(server)).rule(new IdleGapRule(Duration.ofMillis(50), 4096))
                    .listener(rec).start()) {
                rec.awaitRx(1, WAIT); // the gap alone ends "abc": nothing else arrives
                next.countDown();
                rec.awaitRx(2, WAIT);
                assertEquals(List.of("abc", "defg"), rec.rxTexts());
                assertEquals(0, r.stats().errors());
            }
        }
    }

    @Test
    void ratesFollowTheLineAndDropToZeroAtDisconnect() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        try (LoopbackServer server = new LoopbackServer(s -> {
            OutputStream out = s.getOutputStream();
            byte[] line = "0123456789\n".getBytes(StandardCharsets.ISO_8859_1);
            while (!stop.await(20, TimeUnit.MILLISECONDS)) { // about 50 frames, 550 bytes a second
                out.write(line);
                out.flush();
            }
        })) {
            Recorder rec = new Recorder();
            try (ReaderService r = ReaderService.builder(tcp(server))
                    .rule(new DelimiterRule(new byte[] {'\n'}, true, 64)).listener(rec).start()) {
                rec.awaitRx(1, WAIT);
                Thread.sleep(2300);
                ReaderStats st = r.stats();
                // generous bounds: the machine is shared and timers are coarse
                assertTrue(st.framesInPerSecond() > 5 && st.framesInPerSecond() < 100, "frames/s " + st.framesInPerSecond());
                assertEquals(11 * st.framesInPerSecond(), st.bytesInPerSecond(), 11 * st.framesInPerSecond() * 0.5 + 1,
                        "bytes/s " + st.bytesInPerSecond());
                stop.countDown();
                rec.awaitState(ConnectionState.DISCONNECTED, 1, WAIT);
                assertEquals(0.0, r.stats().bytesInPerSecond());
                assertEquals(0.0, r.stats().framesInPerSecond());
            }
        }
    }
}
