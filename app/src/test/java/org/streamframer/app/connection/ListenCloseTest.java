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
        while (canBind(port)) {
            if (System.nanoTime() > deadline) {
                c.close();
                fail("the console never bound 127.0.0.1:" + port);
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
            try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), port)) {
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
