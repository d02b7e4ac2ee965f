package org.streamframer.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.streamframer.app.sim.SimulatedInstrument;

/** The CLI launcher ({@code streamframer}) of an app image or an unpacked package, run as a user would. */
final class CliCalls {
    /** Generous bounds: the CI machine has 2 shared cores. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** {@code simulator listening on TCPIP::127.0.0.1::40123::SOCKET} (streamframer sim). */
    private static final Pattern LISTENING =
            Pattern.compile("simulator listening on TCPIP::(127\\.0\\.0\\.1)::(\\d+)::SOCKET");

    private CliCalls() {
    }

    /** {@code streamframer --version}: its output, trimmed; fails unless it exits with 0. */
    static String version(Path cli) throws Exception {
        assertTrue(Files.isExecutable(cli), cli + " is executable");
        return Command.run(TIMEOUT, List.of(cli.toString(), "--version")).assertSuccess().output().trim();
    }

    /**
     * Starts {@code streamframer sim --port 0} (any free port) from {@code cli}, asks it
     * {@code *IDN?} with {@code streamframer query} from the same {@code cli}, and checks the
     * answer is the simulator's identity. The simulator is stopped afterwards, whatever happens.
     */
    static void assertIdentifiesSimulator(Path cli) throws Exception {
        try (Launched sim = Launched.start(Map.of(), List.of(cli.toString(), "sim", "--port", "0"))) {
            Matcher listening = sim.awaitOutput(LISTENING, TIMEOUT);
            String tcp = listening.group(1) + ":" + listening.group(2);

            Command.Result idn = Command.run(TIMEOUT,
                    List.of(cli.toString(), "query", "--tcp", tcp, "*IDN?")).assertSuccess();

            assertEquals(SimulatedInstrument.IDENTITY, idn.output().trim(), "answer to *IDN? from " + tcp);
            assertTrue(sim.isAlive(), "the simulator keeps running after a client leaves");
        }
    }
}
