package org.streamframer.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CLI launcher of the app image: its version, and the simulator and a query both run from it. */
class CliLauncherIT {
    private static Path cli() {
        return Build.launcher(Build.appImage(), Build.cliName());
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        assertEquals("streamframer " + Build.property("projectVersion"), CliCalls.version(cli()));
    }

    @Test
    void simulatorFromTheImageAnswersIdnQueriedByTheImagesCli() throws Exception {
        CliCalls.assertIdentifiesSimulator(cli());
    }
}
