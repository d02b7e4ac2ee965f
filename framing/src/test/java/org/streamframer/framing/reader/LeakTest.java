package org.streamframer.framing.reader;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.transport.TcpClientTransport;
import org.streamframer.framing.transport.TransportFactory;

/** 200 connect/exchange/close cycles leave no thread, socket or file descriptor behind. */
class LeakTest {

    static final int CYCLES = 200;

    @Test
    void connectDisconnectCyclesLeaveThreadsAndDescriptorsAtBaseline() throws Exception {
        try (LoopbackServer echo = new LoopbackServer(s -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        })) {
            TransportFactory f = TcpClientTransport.factory("127.0.0.1", echo.port(), Duration.ofSeconds(5));
            int refusedPort = LoopbackServer.unusedPort();
            TransportFactory refused = TcpClientTransport.factory("127.0.0.1", refusedPort, Duration.ofSeconds(5));
            for (int i = 0; i < 5; i++) { // warm up: classes loaded, the server's threads started
                cycle(f, i);
                failedCycle(refused);
            }
            int threads0 = settledThreads(Integer.MAX_VALUE);
            long fds0 = settledFds(Long.MAX_VALUE);
            long t0 = System.nanoTime();
            for (int i = 0; i < CYCLES; i++) {
                cycle(f, i);
                if (i % 10 == 0) {
                    failedCycle(refused);
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int threads1 = settledThreads(threads0 + 1);
            long fds1 = settledFds(fds0 + 2);
            System.out.printf("leaks: %d cycles (+%d refused) in %d ms; threads %d -> %d, open fds %d -> %d%n",
                    CYCLES, CYCLES / 10, ms, threads0, threads1, fds0, fds1);
            assertTrue(threads1 <= threads0 + 1, "threads " + threads0 + " -> " + threads1 + ": " + threadNames());
            assertTrue(fds1 <= fds0 + 2, "open file descriptors " + fds0 + " -> " + fds1);
            assertTrue(echo.failures().isEmpty(), echo.failures().toString());
        }
    }

    private static void cycle(TransportFactory f, int i) throws Exception {
        Recorder rec = new Recorder();
        ReaderService r = ReaderService.builder(f).rule(new DelimiterRule(new byte[] {'\n'}, true, 1024))
                .listener(rec).name("t-leak-" + i).start();
        try {
            rec.awaitState(ConnectionState.CONNECTED, 1, Duration.ofSeconds(10));
            r.send(("ping " + i + "\n").getBytes(StandardCharsets.ISO_8859_1));
            rec.awaitRx(1, Duration.ofSeconds(10));
            assertEquals("ping " + i, rec.rxTexts().get(0));
        } finally {
            r.close();
        }
        assertEquals(ConnectionState.DISCONNECTED, r.state());
    }

    private static void failedCycle(TransportFactory refused) throws Exception {
        Recorder rec = new Recorder();
        ReaderService r = ReaderService.builder(refused).rule(new DelimiterRule(new byte[] {'\n'}, true, 1024))
                .listener(rec).name("t-leak-refused").start();
        try {
            rec.awaitState(ConnectionState.FAILED, 1, Duration.ofSeconds(10));
        } finally {
            r.close();
        }
    }

    /**
     * The live thread count, waiting up to 5 s for it to come down to {@code target} (threads of
     * closed connections may take a moment to end); MAX_VALUE: the baseline, after a short pause.
     */
    private static int settledThreads(int target) throws InterruptedException {
        int n = Thread.getAllStackTraces().size();
        for (int i = 0; i < 50 && n > target; i++) {
            Thread.sleep(100);
            n = Thread.getAllStackTraces().size();
        }
        if (target == Integer.MAX_VALUE) {
            Thread.sleep(200);
            n = Thread.getAllStackTraces().size();
        }
        return n;
    }

    private static long settledFds(long target) throws Exception {
        long n = fds();
        for (int i = 0; i < 50 && n > target; i++) {
            Thread.sleep(100);
            n = fds();
        }
        return n;
    }

    static long fds() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    private static String threadNames() {
        StringBuilder sb = new StringBuilder();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            sb.append(t.getName()).append(", ");
        }
        return sb.toString();
    }
}
