package org.streamframer.app.connection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.streamframer.app.frames.RuleKind;
import org.streamframer.app.frames.RuleSpec;
import org.streamframer.framing.reader.ConnectionState;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.reader.StateEvent;
import org.streamframer.framing.rules.Rules;
import org.streamframer.framing.scpi.Terminator;

/**
 * TCP listen mode: disconnecting frees the port, before the first peer and between peers (the
 * raw-capture wrapper forwards the reader service's close to the listener; between peers no
 * {@code accept} is waiting, so interrupting the reader thread does not close it).
 */
class ListenCloseTest {

    @Test
    void disconnectingBeforeAnyPeerFreesTheListeningPort() throws Exception {
        int port = freePort();
        ActiveConnection c = connector().open(listenOn(port), Rules.lf(), new ReaderListener() { });
        long deadline = System.nanoTime() + 5_000_000_000L;
        // watch for the listener without binding the port ourselves (a probe bind could win the
        // race and make the console's bind fail)
        while (!isListening(port)) {
            if (System.nanoTime() > deadline) {
                c.close();
                fail("the console never listened on 127.0.0.1:" + port);
            }
            Thread.sleep(20);
        }
        c.close();
        assertTrue(canBind(port), "127.0.0.1:" + port + " is still bound after the connection was closed");
    }

    @Test
    void closingAfterThePeerLeftFreesTheListeningPort() throws Exception {
        int port = freePort();
        BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
        ActiveConnection c = connector().open(listenOn(port), Rules.lf(), new ReaderListener() {
            @Override
            public void onState(StateEvent e) {
                states.add(e.state());
            }
        });
        try {
            awaitState(states, ConnectionState.CONNECTING);
            // CONNECTING is announced before the listener is bound: connect once it listens
            try (Socket peer = connectWhenListening(port)) {
                awaitState(states, ConnectionState.CONNECTED);
            }
            awaitState(states, ConnectionState.DISCONNECTED);
            assertFalse(canBind(port), "the listener is still open between peers (a new peer may come)");
        } finally {
            c.close();
        }
        assertTrue(canBind(port), "127.0.0.1:" + port + " is still bound after the connection was closed");
    }

    private static void awaitState(BlockingQueue<ConnectionState> states, ConnectionState want)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (ConnectionState s; (s = states.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (s == want) {
                return;
            }
        }
        fail("no " + want + " within 5 s");
    }

    private static Socket connectWhenListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (java.net.ConnectException refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * Whether a socket listens on 127.0.0.1:{@code port}, from /proc/net/tcp and tcp6 (Linux; a
     * dual-stack Java socket shows there as ::ffff:127.0.0.1).
     */
    private static boolean isListening(int port) throws IOException {
        String portHex = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            java.nio.file.Path path = java.nio.file.Path.of(table);
            if (!java.nio.file.Files.exists(path)) {
                continue;
            }
            for (String line : java.nio.file.Files.readAllLines(path)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith("0100007F" + portHex) && f[3].equals("0A")) { // 0A: LISTEN
                    return true;
                }
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static ConnectionProfile listenOn(int port) {
        ConnectionSettings listen = new ConnectionSettings(TransportKind.TCP_LISTEN, "", 0, "127.0.0.1", port,
                null, 9600, 8, null, null, null, null);
        return new ConnectionProfile("listen", listen, RuleSpec.defaults(RuleKind.LF), Terminator.LF, List.of(),
                false);
    }

    private static Connector connector() {
        return new Connector(List::of, () -> {
            throw new IOException("no simulator in this test");
        });
    }

    private static boolean canBind(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
