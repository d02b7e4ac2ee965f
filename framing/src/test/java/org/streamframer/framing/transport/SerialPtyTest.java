package org.streamframer.framing.transport;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.reader.ConnectionState;
import org.streamframer.framing.reader.ReaderService;
import org.streamframer.framing.reader.Recorder;
import org.streamframer.framing.reader.ReconnectPolicy;
import org.streamframer.framing.reader.StateEvent;
import org.streamframer.framing.rules.DelimiterRule;

/** The serial transport and the reader over a real socat pty pair. */
class SerialPtyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private SocatPty pty;

    @BeforeEach
    void startSocat() throws Exception {
        pty = new SocatPty();
    }

    @AfterEach
    void killSocat() throws Exception {
        pty.close();
    }

    private static FrameRule lf() {
        return new DelimiterRule(new byte[] {'\n'}, true, 4096);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(ints = {115200, 921600})
    void framesGoBothWays(int baud) throws Exception {
        int n = 200;
        Recorder rec = new Recorder();
        SerialSettings sa = SerialSettings.of(pty.aDevice().toString(), baud);
        try (SerialTransport far = SerialTransport.open(SerialSettings.of(pty.b().toString(), baud));
             ReaderService r = ReaderService.builder(SerialTransport.factory(sa)).rule(lf()).listener(rec)
                     .name("t-serial-" + baud).start()) {
            rec.awaitState(ConnectionState.CONNECTED, 1, WAIT);
            assertEquals("serial " + pty.aDevice() + " " + baud + " 8N1", r.describe());
            StringBuilder toReader = new StringBuilder();
            for (int i = 0; i < n; i++) {
                toReader.append("from B ").append(i).append('\n');
            }
            byte[] bytes = b(toReader.toString());
            far.write(bytes, 0, bytes.length);
            rec.awaitRx(n, WAIT);
            List<String> rx = rec.rxTexts();
            for (int i = 0; i < n; i++) {
                assertEquals("from B " + i, rx.get(i));
            }

            StringBuilder toFar = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String line = "from A " + i + "\n";
                toFar.append(line);
                r.send(b(line));
            }
            byte[] want = b(toFar.toString());
            byte[] got = new byte[want.length];
            int have = 0;
            long end = System.nanoTime() + WAIT.toNanos();
            while (have < got.length && System.nanoTime() < end) {
                int k = far.read(got, have, got.length - have);
                assertTrue(k >= 0, "far end closed after " + have + " bytes");
                have += k;
            }
            assertEquals(toFar.toString(), new String(got, 0, have, StandardCharsets.ISO_8859_1));
            assertEquals(n, r.stats().framesOut());
            assertEquals(want.length, r.stats().bytesOut());
            assertEquals(bytes.length, r.stats().bytesIn());
        }
    }

    @Test
    void farEndVanishingWhileReadingIsAClearStateChangeWithoutSpinning() throws Exception {
        Recorder rec = new Recorder();
        SerialSettings sa = SerialSettings.of(pty.a().toString(), 115200);
        ReconnectPolicy retry = ReconnectPolicy.backoff(Duration.ofMillis(100), Duration.ofMillis(400));
        try (SerialTransport far = SerialTransport.open(SerialSettings.of(pty.b().toString(), 115200));
             ReaderService r = ReaderService.builder(SerialTransport.factory(sa)).rule(lf()).listener(rec)
                     .reconnect(retry).name("t-serial-gone").start()) {
            rec.awaitState(ConnectionState.CONNECTED, 1, WAIT);
            far.write(b("hello\npartial"), 0, 13);
            rec.awaitRx(1, WAIT);
            long self0 = ThreadCpu.nanos(Thread.currentThread());
            long spinUntil = System.nanoTime() + 30_000_000;
            long spins = 0;
            while (System.nanoTime() < spinUntil) {
                spins++;
            }
            assertTrue(ThreadCpu.nanos(Thread.currentThread()) > self0, "the CPU clock sees a busy thread (" + spins + ")");
            Thread readerThread = thread("t-serial-gone-reader");
            long cpu0 = ThreadCpu.nanos(readerThread);
            long wall0 = System.nanoTime();

            pty.kill();

            rec.awaitState(ConnectionState.DISCONNECTED, 1, WAIT);
            // with the device gone, reconnecting fails clearly, again and again, backing off
            rec.await("2 failed reconnects", WAIT, x -> x.states().stream()
                    .filter(s -> s.state() == ConnectionState.FAILED).count() >= 2);
            Thread.sleep(500);
            long cpu = ThreadCpu.nanos(readerThread) - cpu0;
            long wall = System.nanoTime() - wall0;
            System.out.printf("serial far end gone: reader thread used %d ms CPU in %d ms%n", cpu / 1_000_000, wall / 1_000_000);
            assertTrue(readerThread.isAlive(), "the reader keeps retrying");
            // a spinning reader burns about all of the wall time; an idle one next to nothing
            assertTrue(cpu < wall / 4, "reader thread used " + cpu / 1_000_000 + " ms CPU in "
                    + wall / 1_000_000 + " ms after the far end vanished");

            StateEvent down = rec.states().stream().filter(s -> s.state() == ConnectionState.DISCONNECTED)
                    .findFirst().orElseThrow();
            assertTrue(down.detail().startsWith("serial " + pty.a() + " 115200 8N1"), down.detail());
            StateEvent failed = rec.states().stream().filter(s -> s.state() == ConnectionState.FAILED)
                    .findFirst().orElseThrow();
            assertTrue(failed.detail().contains(pty.a().toString()) && failed.detail().contains("not found"),
                    failed.detail());
            assertTrue(rec.errors().stream().anyMatch(e -> e.error() instanceof org.streamframer.framing.PartialFrameException),
                    "the partial frame was reported: " + rec.summary());
            assertEquals(List.of("hello"), rec.rxTexts());
        }
    }

    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no thread " + name));
    }

    @Test
    void missingPortIsNamedWithTheReason() {
        String missing = pty.a().getParent().resolve("no-such-tty").toString();
        IOException e = assertThrows(IOException.class, () -> SerialTransport.open(SerialSettings.of(missing, 9600)));
        assertEquals("serial " + missing + ": not found (no such device)", e.getMessage());
    }

    @Test
    void aPortAlreadyOpenIsBusy() throws Exception {
        try (SerialTransport first = SerialTransport.open(SerialSettings.of(pty.a().toString(), 9600))) {
            IOException e = assertThrows(IOException.class,
                    () -> SerialTransport.open(SerialSettings.of(pty.aDevice().toString(), 9600)));
            assertEquals("serial " + pty.aDevice() + ": cannot open: busy (already open in this program)", e.getMessage());
            assertTrue(first.isOpen());
        }
        SerialTransport.open(SerialSettings.of(pty.a().toString(), 9600)).close(); // free again after close
    }

    @Test
    void aPortOpenedByAnotherProgramIsBusy() throws Exception {
        // socat's -u/-U tricks do not lock; a second JVM would be slow: use flock(1), as jSerialComm does
        Process holder = new ProcessBuilder("flock", "-x", "-n", pty.aDevice().toString(), "sleep", "10")
                .redirectErrorStream(true).start();
        try {
            Thread.sleep(300);
            assertTrue(holder.isAlive(), "flock could not take the lock");
            IOException e = assertThrows(IOException.class,
                    () -> SerialTransport.open(SerialSettings.of(pty.a().toString(), 9600)));
            assertEquals("serial " + pty.a() + ": cannot open: busy (opened by another program)", e.getMessage());
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    @Test
    void otherLineSettingsAreAppliedAndDescribed() throws Exception {
        List<SerialSettings> all = List.of(
                new SerialSettings(pty.a().toString(), 9600, 8, Parity.NONE, StopBits.TWO, FlowControl.NONE),
                new SerialSettings(pty.a().toString(), 19200, 8, Parity.NONE, StopBits.ONE, FlowControl.RTS_CTS),
                new SerialSettings(pty.a().toString(), 38400, 8, Parity.NONE, StopBits.ONE, FlowControl.XON_XOFF));
        List<String> want = List.of(" 9600 8N2", " 19200 8N1 RTS/CTS", " 38400 8N1 XON/XOFF");
        for (int i = 0; i < all.size(); i++) {
            try (SerialTransport t = SerialTransport.open(all.get(i))) {
                assertEquals("serial " + pty.a() + want.get(i), t.describe());
                assertEquals(all.get(i), t.settings());
            }
        }
        // a pty keeps 8 data bits and no parity (Linux refuses the rest): a clear error, port released
        SerialSettings seven = new SerialSettings(pty.a().toString(), 9600, 7, Parity.EVEN, StopBits.ONE, FlowControl.NONE);
        IOException e = assertThrows(IOException.class, () -> SerialTransport.open(seven));
        assertEquals("serial " + pty.a() + ": cannot apply 9600 7E1: invalid argument (error 22: the device refused"
                + " these settings)", e.getMessage());
        SerialTransport.open(SerialSettings.of(pty.a().toString(), 9600)).close();
        assertThrows(IllegalArgumentException.class, () -> SerialSettings.of("x", 0));
        assertThrows(IllegalArgumentException.class,
                () -> new SerialSettings("x", 9600, 9, Parity.NONE, StopBits.ONE, FlowControl.NONE));
    }

    @Test
    void listingPortsGivesCompleteEntries() {
        for (SerialPortInfo p : SerialTransport.listPorts()) {
            assertNotNull(p.systemName());
            assertNotNull(p.path());
            assertNotNull(p.description());
            assertNotNull(p.serialNumber());
        }
    }
}
