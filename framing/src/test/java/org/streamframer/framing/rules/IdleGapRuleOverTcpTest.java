package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameReader;

/** The idle-gap rule with a real socket and the real clock: the reader asks again when a read times out. */
class IdleGapRuleOverTcpTest {

    static byte[] hex(String s) {
        return HexFormat.ofDelimiter(" ").parseHex(s);
    }

    @Test
    void framesEndAtTheSilencesOfARealConnection() throws Exception {
        // generous: frames a second apart, a gap of 200 ms, each frame's writes back to back
        IdleGapRule rule = new IdleGapRule(Duration.ofMillis(200), 1024);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        AtomicReference<Exception> writerFailure = new AtomicReference<>();
        try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
            Thread writer = new Thread(() -> {
                try (Socket peer = server.accept(); OutputStream out = peer.getOutputStream()) {
                    peer.setTcpNoDelay(true);
                    out.write(hex("01 03 00"));
                    out.write(hex("00 00 0a c5 cd"));
                    Thread.sleep(1000);
                    out.write(hex("01 83 02 c0 f1"));
                    Thread.sleep(1000);
                } catch (Exception e) {
                    writerFailure.set(e);
                }
            }, "idle-gap-test-writer");
            writer.start();
            try (Socket socket = new Socket(loopback, server.getLocalPort());
                 FrameReader reader = FrameReader.of(socket, rule)) {
                try (Frame f = reader.next()) {
                    assertArrayEquals(hex("01 03 00 00 00 0a c5 cd"), f.bytes());
                }
                try (Frame f = reader.next()) {
                    assertArrayEquals(hex("01 83 02 c0 f1"), f.bytes());
                }
                assertNull(reader.next(), "the peer closed after a silence: no partial frame");
            }
            writer.join(10_000);
            assertFalse(writer.isAlive(), "writer still running");
            assertNull(writerFailure.get());
        }
    }
}
