package org.streamframer.framing.transport;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.reader.LoopbackServer;

/** The TCP transports on their own, against real loopback sockets. */
class TcpTransportTest {

    private static final Duration CONNECT = Duration.ofSeconds(5);

    @Test
    void refusedConnectionNamesTheAddress() throws Exception {
        int port = LoopbackServer.unusedPort();
        ConnectException e = assertThrows(ConnectException.class,
                () -> TcpClientTransport.connect("127.0.0.1", port, CONNECT));
        assertEquals("tcp 127.0.0.1:" + port + ": connection refused (nothing listening there?)", e.getMessage());
    }

    @Test
    void unknownHostNamesTheHost() {
        UnknownHostException e = assertThrows(UnknownHostException.class,
                () -> TcpClientTransport.connect("no-such-host.invalid", 5025, CONNECT));
        assertEquals("tcp no-such-host.invalid:5025: unknown host 'no-such-host.invalid'", e.getMessage());
    }

    @Test
    void connectTimeoutSaysHowLongItWaited() throws Exception {
        try (FullBacklog full = new FullBacklog()) {
            long t0 = System.nanoTime();
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
                    () -> TcpClientTransport.connect("127.0.0.1", full.port(), Duration.ofMillis(300)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("tcp 127.0.0.1:" + full.port() + ": connect timed out after 300 ms", e.getMessage());
            assertTrue(ms >= 250, "gave up after " + ms + " ms");
        }
    }

    @Test
    void badArgumentsAreRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> TcpClientTransport.connect("h", 0, CONNECT));
        assertThrows(IllegalArgumentException.class, () -> TcpClientTransport.connect("h", 1, Duration.ZERO));
    }

    @Test
    void readTimesOutWithZeroAndSeesEndOfStream() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpClientTransport t = TcpClientTransport.connect("127.0.0.1", s.getLocalPort(), CONNECT);
             Socket peer = s.accept()) {
            assertEquals("tcp 127.0.0.1:" + s.getLocalPort(), t.describe());
            t.readTimeout(Duration.ofMillis(50));
            byte[] buf = new byte[16];
            long t0 = System.nanoTime();
            assertEquals(0, t.read(buf, 0, buf.length));
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(40));
            peer.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
            int n = 0;
            while (n < 2) {
                n += t.read(buf, n, buf.length - n);
            }
            assertEquals("hi", new String(buf, 0, 2, StandardCharsets.US_ASCII));
            peer.close();
            int r;
            while ((r = t.read(buf, 0, buf.length)) == 0) {
                // timeouts until the FIN arrives
            }
            assertEquals(-1, r);
            assertTrue(t.isOpen(), "end of stream is seen by the reader; the transport is closed by its owner");
            t.close();
            assertFalse(t.isOpen());
            assertEquals(-1, t.read(buf, 0, buf.length), "read after close");
        }
    }

    @Test
    void closeFromAnotherThreadUnblocksARead() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpClientTransport t = TcpClientTransport.connect("127.0.0.1", s.getLocalPort(), CONNECT);
             Socket peer = s.accept()) {
            t.readTimeout(Duration.ofSeconds(30));
            CountDownLatch done = new CountDownLatch(1);
            int[] result = {99};
            Thread reader = new Thread(() -> {
                try {
                    result[0] = t.read(new byte[8], 0, 8);
                } catch (IOException e) {
                    result[0] = -2;
                }
                done.countDown();
            }, "test-blocked-read");
            reader.start();
            Thread.sleep(100);
            t.close();
            assertTrue(done.await(2, TimeUnit.SECONDS), "read still blocked after close()");
            assertEquals(-1, result[0]);
            assertNotNull(peer);
        }
    }

    @Test
    void concurrentWritesNeverInterleave() throws Exception {
        int threads = 4;
        int each = 200;
        int len = 3000;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpClientTransport t = TcpClientTransport.connect("127.0.0.1", s.getLocalPort(), CONNECT);
             Socket peer = s.accept()) {
            List<Thread> ws = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                byte[] block = new byte[len];
                java.util.Arrays.fill(block, (byte) ('a' + w));
                Thread th = new Thread(() -> {
                    try {
                        for (int i = 0; i < each; i++) {
                            t.write(block, 0, block.length);
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, "test-writer-" + w);
                ws.add(th);
                th.start();
            }
            InputStream in = peer.getInputStream();
            byte[] all = in.readNBytes(threads * each * len);
            for (Thread th : ws) {
                th.join(5000);
            }
            for (int i = 0; i < all.length; i += len) {
                for (int j = 1; j < len; j++) {
                    assertEquals(all[i], all[i + j], "write at " + i + " interleaved with another at " + (i + j));
                }
            }
        }
    }

    @Test
    void listenerBindsLoopbackAndReportsThePeer() throws Exception {
        try (TcpListenTransport.Listener l = TcpListenTransport.factory(null)) {
            InetSocketAddress at = l.localAddress();
            assertTrue(at.getAddress().isLoopbackAddress(), at.toString());
            assertNotEquals(0, at.getPort());
            assertEquals(at, l.localAddress(), "binds once");
            for (int i = 0; i < 2; i++) {
                try (Socket c = new Socket(at.getAddress(), at.getPort());
                     TcpListenTransport t = (TcpListenTransport) l.open()) {
                    assertEquals(c.getLocalSocketAddress(), t.remoteAddress());
                    assertEquals("listen 127.0.0.1:" + at.getPort() + " <- 127.0.0.1:" + c.getLocalPort(), t.describe());
                    t.write("ok\n".getBytes(StandardCharsets.US_ASCII), 0, 3);
                    assertEquals("ok\n", new String(c.getInputStream().readNBytes(3), StandardCharsets.US_ASCII));
                }
            }
        }
    }

    @Test
    void closingTheListenerUnblocksAWaitingOpen() throws Exception {
        TcpListenTransport.Listener l = TcpListenTransport.factory(0);
        int port = l.localAddress().getPort();
        CountDownLatch done = new CountDownLatch(1);
        String[] msg = {null};
        Thread t = new Thread(() -> {
            try {
                l.open().close();
            } catch (IOException e) {
                msg[0] = e.getMessage();
            }
            done.countDown();
        }, "test-accept");
        t.start();
        Thread.sleep(100);
        l.close();
        assertTrue(done.await(2, TimeUnit.SECONDS));
        assertEquals("listen 127.0.0.1:" + port + ": listener closed", msg[0]);
        IOException again = assertThrows(IOException.class, l::open);
        assertTrue(again.getMessage().contains("listener closed"), again.getMessage());
    }

    @Test
    void bindingAPortInUseSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpListenTransport.Listener l = TcpListenTransport.factory(TcpListenTransport.loopback(taken.getLocalPort()))) {
            IOException e = assertThrows(IOException.class, l::localAddress);
            assertTrue(e.getMessage().startsWith("listen 127.0.0.1:" + taken.getLocalPort() + ": cannot bind"), e.getMessage());
        }
    }
}
