package org.streamframer.framing.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.Frame;
import org.streamframer.framing.FrameBuffer;
import org.streamframer.framing.FrameReader;

/**
 * Blocks written by a real peer: PyVISA's own IEEE 488.2 block encoder ({@code pyvisa.util.to_ieee_block},
 * Debian package python3-pyvisa, installed by {@code scripts/install-deps test}), read back
 * through a pipe in whatever pieces the pipe gives.
 */
class ScpiBlocksFromPyVisaTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final int[] SIZES = {0, 1, 10, 255, 1000, 100_000};

    private static final String SCRIPT = String.join("\n",
            "import sys, pyvisa.util as u",
            "out = sys.stdout.buffer",
            "for n in " + java.util.Arrays.toString(SIZES) + ":",
            "    data = bytes((i * 7 + n) % 256 for i in range(n))",
            "    out.write(u.to_ieee_block(data, 'B', False) + b'\\n')",
            "out.write(b'1.5,' + u.to_ieee_block([1.5, 2.5, -3.25], 'd', True) + b',OK\\r\\n')",
            "out.flush()");

    static byte[] data(int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) {
            d[i] = (byte) ((i * 7 + n) % 256);
        }
        return d;
    }

    @Test
    void blocksEncodedByPyVisaComeOutWholeWithTheirData() throws Exception {
        assertTrue(new File(PYTHON).canExecute(), PYTHON + " is missing: run scripts/install-deps test"
                + " (it installs python3-pyvisa)");
        Process python = new ProcessBuilder(PYTHON, "-c", SCRIPT).start();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errors = new Thread(() -> {
            try (InputStream err = python.getErrorStream()) {
                err.transferTo(stderr);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "pyvisa-stderr");
        errors.start();
        ScpiResponseRule rule = ScpiResponseRule.lf();
        try (FrameReader reader = FrameReader.of(python.getInputStream(), new FrameBuffer(), rule)) {
            for (int n : SIZES) {
                try (Frame f = reader.next()) {
                    assertTrue(f != null, "no response for " + n + " bytes; python said: " + stderr);
                    byte[] frame = f.bytes();
                    List<IeeeBlock> blocks = ScpiResponseRule.findBlocks(frame, 0, frame.length);
                    assertEquals(1, blocks.size(), "blocks of " + n);
                    IeeeBlock block = blocks.get(0);
                    assertEquals(frame.length, block.end(), "the block ends the response");
                    assertArrayEquals(data(n), java.util.Arrays.copyOfRange(frame, block.offset(), block.end()),
                            "data of " + n);
                }
            }
            try (Frame f = reader.next()) {
                byte[] frame = f.bytes();
                List<IeeeBlock> blocks = ScpiResponseRule.findBlocks(frame, 0, frame.length);
                assertEquals(List.of(new IeeeBlock(8, 24, false)), blocks); // "1.5," "#224"
                ByteBuffer doubles = ByteBuffer.wrap(frame, 8, 24);
                assertEquals(1.5, doubles.getDouble());
                assertEquals(2.5, doubles.getDouble());
                assertEquals(-3.25, doubles.getDouble());
                assertEquals(",OK", new String(frame, 32, frame.length - 32, StandardCharsets.ISO_8859_1));
            }
            assertNull(reader.next());
        } finally {
            assertTrue(python.waitFor(30, TimeUnit.SECONDS), "python did not finish");
            errors.join(5000);
        }
        assertEquals(0, python.exitValue(), "python failed: " + stderr);
    }
}
