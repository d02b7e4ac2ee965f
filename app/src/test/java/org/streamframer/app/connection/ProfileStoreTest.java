package org.streamframer.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.frames.RuleKind;
import org.streamframer.app.frames.RuleSpec;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.framing.scpi.Terminator;
import org.streamframer.framing.transport.FlowControl;
import org.streamframer.framing.transport.Parity;
import org.streamframer.framing.transport.SerialPortInfo;
import org.streamframer.framing.transport.StopBits;

class ProfileStoreTest {

    @TempDir
    Path dir;

    @Test
    void profilesRoundTripThroughJson() throws IOException {
        ProfileStore store = new ProfileStore(new ConfigDir(dir));
        assertEquals(List.of(ConnectionProfile.defaultProfile()), store.load(), "first start: the simulator");
        ConnectionSettings serial = new ConnectionSettings(TransportKind.SERIAL, "", 5025, "127.0.0.1", 6000,
                "/dev/ttyUSB0", 9600, 7, Parity.EVEN, StopBits.TWO, FlowControl.RTS_CTS,
                new UsbMatch(0x0403, 0x6001, "A50285BI"));
        RuleSpec framing = RuleSpec.defaults(RuleKind.CUSTOM).withKind(RuleKind.LENGTH_FIELD);
        ConnectionProfile bench = new ConnectionProfile("Bench DMM", serial, framing, Terminator.CRLF,
                List.of("*RST", "CONF:VOLT:DC"), true);
        ConnectionProfile tcp = new ConnectionProfile("Scope", new ConnectionSettings(TransportKind.TCP_CLIENT,
                "10.0.0.7", 5025, null, 0, null, 115200, 8, null, null, null, null), RuleSpec.defaults(RuleKind.SCPI),
                Terminator.LF, List.of(), false);
        store.save(List.of(bench, tcp));
        assertEquals(List.of(bench, tcp), new ProfileStore(new ConfigDir(dir)).load());
        assertTrue(Files.readString(dir.resolve("profiles.json")).contains("\"vendorId\" : 1027"));
    }

    @Test
    void aBrokenFileIsAnErrorNamingIt() throws IOException {
        Files.writeString(dir.resolve("profiles.json"), "[{\"name\": ");
        IOException e = assertThrows(IOException.class, () -> new ProfileStore(new ConfigDir(dir)).load());
        assertTrue(e.getMessage().contains("profiles.json"), e.getMessage());
    }

    @Test
    void usbMatchFollowsTheDeviceNotThePortName() {
        UsbMatch m = UsbMatch.of(new SerialPortInfo("ttyUSB0", "/dev/ttyUSB0", "FT232R", 0x0403, 0x6001, "A5"));
        assertTrue(m.matches(new SerialPortInfo("ttyUSB3", "/dev/ttyUSB3", "FT232R", 0x0403, 0x6001, "A5")));
        assertTrue(!m.matches(new SerialPortInfo("ttyUSB3", "/dev/ttyUSB3", "FT232R", 0x0403, 0x6001, "B7")));
        assertEquals(null, UsbMatch.of(new SerialPortInfo("ttyS0", "/dev/ttyS0", "Physical Port", -1, -1, null)));
        Connector c = new Connector(() -> List.of(new SerialPortInfo("ttyUSB3", "/dev/ttyUSB3", "FT232R", 0x0403,
                0x6001, "A5")), () -> {
                    throw new IOException("no simulator here");
                });
        ConnectionSettings s = new ConnectionSettings(TransportKind.SERIAL, "", 0, "", 0, "/dev/ttyUSB0", 9600, 8,
                null, null, null, m);
        assertEquals("/dev/ttyUSB3", assertDoesNotThrowResolve(c, s));
    }

    private static String assertDoesNotThrowResolve(Connector c, ConnectionSettings s) {
        try {
            return c.resolvePort(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
