package org.streamframer.packaging;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** External programs the tests need; missing ones fail the test with how to get them. */
final class Tools {
    private Tools() {
    }

    static void require(String program, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        throw new AssertionError(program + " is not on the PATH: install the Debian package "
                + debianPackage + " (scripts/install-deps test does)");
    }
}
