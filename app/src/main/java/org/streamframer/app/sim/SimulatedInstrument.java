package org.streamframer.app.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.streamframer.framing.transport.SerialSettings;
import org.streamframer.framing.transport.SerialTransport;
import org.streamframer.framing.transport.Transport;

/**
 * A simulated bench instrument (a DMM and a scope) that speaks SCPI over TCP and, optionally,
 * a serial port: the console's default connection and the test bench for everything above it.
 * See {@link SimCommands} for the commands.
 *
 * <pre>{@code
 * try (SimulatedInstrument sim = new SimulatedInstrument(SimConfig.ephemeral()).start()) {
 *     int port = sim.port();           // TCPIP::127.0.0.1::<port>::SOCKET
 * }
 * }</pre>
 *
 * <p>Every TCP client gets its own thread ({@code sim-client-<n>}), input buffer, error queue
 * and status registers; the serial port is one more such client ({@code sim-serial}). The accept
 * loop runs on {@code sim-accept-<port>}. {@link #close()} closes the listening socket, every
 * client and the serial port, and joins their threads.
 */
public final class SimulatedInstrument implements AutoCloseable {

    /** What {@code *IDN?} answers. */
    public static final String IDENTITY = "Streamframer,SIM-100 DMM+Scope,SIM000100,0.1.0";

    private static final long JOIN_MILLIS = 2000;

    private final SimConfig config;
    private final ScpiCommandTable table = SimCommands.table();
    private final Set<SimClient> clients = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger clientNumbers = new AtomicInteger();
    private ServerSocket server;
    private SimClient serialClient;
    private volatile boolean closed;

    public SimulatedInstrument(SimConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /**
     * Binds the TCP port (unless {@link SimConfig#NO_TCP}) and opens the serial port (if any),
     * then serves in the background.
     *
     * @return this
     * @throws IOException the port is taken or the serial port cannot be opened (the message says
     *                     which address or port); nothing is left open
     */
    public synchronized SimulatedInstrument start() throws IOException {
        if (server != null || serialClient != null || closed) {
            throw new IllegalStateException("simulator already started" + (closed ? " and closed" : ""));
        }
        if (config.port() == SimConfig.NO_TCP && config.serialPath() == null) {
            throw new IllegalStateException("nothing to serve: no TCP (port " + config.port() + ") and no serial port");
        }
        try {
            if (config.port() != SimConfig.NO_TCP) {
                server = bind();
                Thread accept = new Thread(this::acceptLoop, "sim-accept-" + server.getLocalPort());
                accept.setDaemon(true);
                track(accept);
                accept.start();
            }
            if (config.serialPath() != null) {
                Transport link = SerialTransport.open(SerialSettings.of(config.serialPath(), config.baud()));
                serialClient = new SimClient(link, config, table, "serial", System::nanoTime, () -> { });
                Thread t = new Thread(serialClient, "sim-serial");
                t.setDaemon(true);
                track(t);
                t.start();
            }
        } catch (IOException | RuntimeException e) {
            close();
            server = null;
            throw e;
        }
        return this;
    }

    private ServerSocket bind() throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 50);
        } catch (IOException e) {
            s.close();
            throw new IOException("simulator cannot listen on " + config.bindAddress() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        return s;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketException e) {
                if (!closed) {
                    log("simulator stopped accepting on " + server.getLocalSocketAddress() + ": " + e.getMessage());
                }
                return;
            } catch (IOException e) {
                // e.g. out of file descriptors: say so and back off rather than spin
                log("simulator accept failed: " + e.getMessage());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            serve(socket);
        }
    }

    private void serve(Socket socket) {
        int n = clientNumbers.incrementAndGet();
        try {
            SocketLink link = new SocketLink(socket);
            SimClient[] holder = new SimClient[1];
            SimClient client = new SimClient(link, config, table, Integer.toString(n), System::nanoTime,
                    () -> clients.remove(holder[0]));
            holder[0] = client;
            clients.add(client);
            Thread t = new Thread(client, "sim-client-" + n);
            t.setDaemon(true);
            track(t);
            t.start();
            if (closed) {
                client.close();
            }
        } catch (IOException e) {
            log("simulator could not set up client " + socket.getRemoteSocketAddress() + ": " + e.getMessage());
            try {
                socket.close();
            } catch (IOException ce) {
                e.addSuppressed(ce);
            }
        }
    }

    /** Remembers a thread for {@link #close()} to join (forgetting the ones that ended). */
    private void track(Thread t) {
        synchronized (threads) {
            threads.removeIf(th -> !th.isAlive() && th.getState() != Thread.State.NEW);
            threads.add(t);
        }
    }

    private static void log(String message) {
        System.getLogger(SimulatedInstrument.class.getName()).log(System.Logger.Level.WARNING, message);
    }

    /** The TCP port it listens on (the chosen one when configured with port 0). */
    public int port() {
        ServerSocket s = server;
        if (s == null) {
            throw new IllegalStateException("simulator not listening on TCP (not started, or port " + config.port() + ")");
        }
        return s.getLocalPort();
    }

    /** The bound TCP address. */
    public InetSocketAddress address() {
        return new InetSocketAddress(config.bindAddress(), port());
    }

    /** The VISA resource string of the TCP endpoint, {@code TCPIP::127.0.0.1::5025::SOCKET}. */
    public String resource() {
        return "TCPIP::" + config.bindAddress() + "::" + port() + "::SOCKET";
    }

    public SimConfig config() {
        return config;
    }

    /** TCP clients connected now. */
    public int clientCount() {
        return clients.size();
    }

    /** Stops serving: closes the listening socket, every client and the serial port; joins their threads. */
    @Override
    public void close() {
        List<Thread> toJoin;
        synchronized (this) {
            closed = true;
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    log("closing the simulator's listening socket: " + e.getMessage());
                }
            }
            for (SimClient c : clients) {
                c.close();
            }
            if (serialClient != null) {
                serialClient.close();
            }
            synchronized (threads) {
                toJoin = new ArrayList<>(threads);
            }
        }
        // join even when interrupted: until the accept thread has left accept(), the kernel may
        // still complete connections to the closed socket
        boolean interrupted = false;
        for (Thread t : toJoin) {
            long deadline = System.nanoTime() + JOIN_MILLIS * 1_000_000;
            while (t.isAlive() && System.nanoTime() < deadline) {
                try {
                    t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
