package org.streamframer.app.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fazecast.jSerialComm.SerialPort;

/** The simulator on one end of a socat pty pair, the test on the other. */
class SimSerialTest {

    private static byte[] readUntil(SerialPort p, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (out.size() < n && System.nanoTime() < deadline) {
            int got = p.readBytes(buf, Math.min(buf.length, n - out.size()));
            if (got > 0) {
                out.write(buf, 0, got);
            }
        }
        return out.toByteArray();
    }

    private static void send(SerialPort p, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        assertEquals(b.length, p.writeBytes(b, b.length));
    }

    @Test
    void answersOverASerialPortWithItsTerminator() throws Exception {
        try (SocatPtyPair pty = new SocatPtyPair();
             SimulatedInstrument sim = new SimulatedInstrument(SimConfig.defaults().withPort(SimConfig.NO_TCP)
                     .withSerial(pty.a.toString(), 115200).withTerminator(SimConfig.Terminator.CRLF).withSeed(7)).start()) {
            SerialPort p = SerialPort.getCommPort(pty.b.toString());
            p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 500, 0);
            assertTrue(p.openPort(), "open " + pty.b);
            try {
                send(p, "*IDN?\r\n");
                String idn = SimulatedInstrument.IDENTITY + "\r\n";
                assertEquals(idn, new String(readUntil(p, idn.length()), StandardCharsets.US_ASCII));

                send(p, "WAV:POIN 100;DATA?\n");
                byte[] r = readUntil(p, 5 + 200 + 2);
                assertEquals("#3200", new String(r, 0, 5, StandardCharsets.US_ASCII));
                byte[] want = Waveform.encode(Waveform.samples(7, 0, 100), Waveform.Format.WORD);
                assertArrayEquals(want, java.util.Arrays.copyOfRange(r, 5, 205));
                assertEquals("\r\n", new String(r, 205, 2, StandardCharsets.US_ASCII));

                send(p, "BOGUS\nSYST:ERR?\n");
                String err = "-113,\"Undefined header\"\r\n";
                assertEquals(err, new String(readUntil(p, err.length()), StandardCharsets.US_ASCII));
            } finally {
                p.closePort();
            }
        }
    }

    @Test
    void aSerialPortThatCannotBeOpenedIsNamed() {
        SimulatedInstrument sim = new SimulatedInstrument(SimConfig.ephemeral().withSerial("/dev/does-not-exist-sim", 9600));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, sim::start);
        assertTrue(e.getMessage().contains("/dev/does-not-exist-sim"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, sim::port, "nothing left listening");
    }
}
