package org.streamframer.app.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StreamModeTest {

    /** Reads stream lines for about {@code millis}; returns {lines, elapsed nanos, last seq}. */
    private static long[] readFor(BufferedReader in, long millis, long expectSeq) throws IOException {
        long t0 = System.nanoTime();
        long lines = 0;
        long seq = expectSeq;
        while (System.nanoTime() - t0 < millis * 1_000_000) {
            String line = in.readLine();
            String[] f = line.split(",");
            assertEquals(2, f.length, "stream line '" + line + "'");
            assertTrue(f[1].matches("[+-]\\d\\.\\d{8}E[+-]\\d{2}"), line);
            long got = Long.parseLong(f[0]);
            assertTrue(got >= seq, "sequence went back: " + got + " after " + seq);
            seq = got + 1;
            lines++;
        }
        return new long[] {lines, System.nanoTime() - t0, seq};
    }

    /** A buffered line reader on the socket (5 s read timeout). */
    private static BufferedReader lines(Socket s) throws IOException {
        s.setSoTimeout(5000);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII), 1 << 16);
    }

    private static double rate(long[] r) {
        return r[0] / (r[1] / 1e9);
    }

    @Test
    void streamRunsRoughlyAtItsRateAndStopsCleanly() throws IOException {
        try (SimulatedInstrument sim = new SimulatedInstrument(SimConfig.ephemeral()).start();
             Socket s = new Socket("127.0.0.1", sim.port())) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = lines(s);
            out.write("SIM:STREAM 20000\n".getBytes(StandardCharsets.US_ASCII));
            long[] warm = readFor(in, 200, 0);
            double rate = rate(readFor(in, 1500, warm[2]));
            assertTrue(rate > 20000 * 0.4 && rate < 20000 * 1.6, "stream rate " + rate + " lines/s for 20000 asked");

            out.write("SIM:STREAM?\n".getBytes(StandardCharsets.US_ASCII));
            out.write("SIM:STREAM OFF;*OPC?\n".getBytes(StandardCharsets.US_ASCII));
            boolean sawRate = false;
            String line;
            while (!(line = in.readLine()).equals("1")) {
                sawRate |= line.equals("20000");
            }
            assertTrue(sawRate, "SIM:STREAM? answered between stream lines");
            s.setSoTimeout(400);
            assertThrows(SocketTimeoutException.class, in::readLine, "no stream line after SIM:STREAM OFF");
            s.setSoTimeout(5000);
            out.write("SIM:STREAM?;SYST:ERR?\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("0;0,\"No error\"", in.readLine());
        }
    }

    @Test
    void highRateStreamIsBatched() throws IOException {
        try (SimulatedInstrument sim = new SimulatedInstrument(SimConfig.ephemeral()).start();
             Socket s = new Socket("127.0.0.1", sim.port())) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = lines(s);
            out.write("SIM:STREAM 200000\n".getBytes(StandardCharsets.US_ASCII));
            double rate = rate(readFor(in, 1000, 0));
            // generous: the machine is shared; a sleep per line could not come near this
            assertTrue(rate > 40_000, "stream rate " + rate + " lines/s for 200000 asked");
            out.write("*RST\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void badRatesAreRejected() throws IOException {
        try (SimulatedInstrument sim = new SimulatedInstrument(SimConfig.ephemeral()).start();
             ScpiTestClient c = new ScpiTestClient(sim.port())) {
            c.send("SIM:STREAM 0.5");
            assertEquals("-224,\"Illegal parameter value\"", c.query("SYST:ERR?"));
            c.send("SIM:STREAM 2000000");
            assertEquals("-222,\"Data out of range\"", c.query("SYST:ERR?"));
            c.send("SIM:STREAM fast");
            assertEquals("-224,\"Illegal parameter value\"", c.query("SYST:ERR?"));
            c.send("SIM:STREAM");
            assertEquals("-109,\"Missing parameter\"", c.query("SYST:ERR?"));
            assertEquals("0", c.query("SIM:STREAM?"));
        }
    }
}
