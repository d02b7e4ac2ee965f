package org.streamframer.packaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Xvfb X server on a display number it picks itself ({@code -displayfd}), so parallel
 * builds never collide, and the {@code xwininfo} queries the GUI test needs.
 */
final class VirtualDisplay implements AutoCloseable {
    private static final Pattern DISPLAY_NUMBER = Pattern.compile("(?m)^(\\d+)$");
    /** {@code 0x400003 "Title": ("res" "class")  640x400+320+133  +320+133} in xwininfo -tree. */
    private static final Pattern TREE_WINDOW = Pattern.compile("(?m)^\\s*(0x[0-9a-f]+) \"(.*)\": \\(");

    private final Launched server;
    private final String display;

    private VirtualDisplay(Launched server, String display) {
        this.server = server;
        this.display = display;
    }

    static VirtualDisplay start() throws IOException, InterruptedException {
        Tools.require("Xvfb", "xvfb");
        Tools.require("xwininfo", "x11-utils");
        Launched server = Launched.start(Map.of(), List.of(
                "Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"));
        try {
            Matcher m = server.awaitOutput(DISPLAY_NUMBER, Duration.ofSeconds(30));
            return new VirtualDisplay(server, ":" + m.group(1));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The value for {@code DISPLAY}. */
    String display() {
        return display;
    }

    /** The id of a mapped (viewable) top-level window titled {@code title}, if there is one now. */
    Optional<String> viewableWindow(String title) throws IOException, InterruptedException {
        String tree = xwininfo("-root", "-tree");
        List<String> ids = new ArrayList<>();
        Matcher m = TREE_WINDOW.matcher(tree);
        while (m.find()) {
            if (m.group(2).equals(title)) {
                ids.add(m.group(1));
            }
        }
        for (String id : ids) {
            if (xwininfo("-id", id).contains("Map State: IsViewable")) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    String xwininfo(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("xwininfo"));
        command.addAll(List.of(args));
        return Command.run(Duration.ofSeconds(10), Map.of("DISPLAY", display), command).output();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
