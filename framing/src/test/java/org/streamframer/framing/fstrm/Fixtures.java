package org.streamframer.framing.fstrm;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared test fixtures: {@code shared/fixtures/} beside the checkout (CI clones the
 * project into a folder beside a copy of {@code shared/}). Walks up from the working directory
 * until some ancestor has a {@code shared/fixtures} directory.
 */
final class Fixtures {
    static final String KNOT_DNSTAP = "knot-dnstap-small.fstrm";
    static final String DNSTAP_TYPE = "protobuf:dnstap.Dnstap";
    static final int KNOT_DNSTAP_FRAMES = 82;

    private Fixtures() {
    }

    static Path path(String name) {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                Path file = candidate.resolve(name);
                if (!Files.isRegularFile(file)) {
                    fail("fixture " + name + " is missing from " + candidate);
                }
                return file;
            }
        }
        return fail("no shared/fixtures directory in " + start + " or any folder above it;"
                + " the tests need ../shared/fixtures/" + name + " beside the checkout");
    }
}
