package org.streamframer.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb: its control data (GTK among the dependencies), its desktop entries and scripts,
 * and the CLI started from the package's files unpacked with {@code dpkg-deb -x}.
 * A .deb is built on Linux only; on Windows and macOS the build makes an .msi or a .dmg.
 */
@EnabledOnOs(OS.LINUX)
class DebPackageIT {
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path unpacked;
    @TempDir
    static Path control;
    private static Path deb;
    private static Path installDir;

    @BeforeAll
    static void unpack() throws Exception {
        Tools.require("dpkg-deb", "dpkg");
        deb = Build.installer("deb");
        Command.run(TOOL_TIMEOUT, List.of("dpkg-deb", "-x", deb.toString(), unpacked.toString())).assertSuccess();
        Command.run(TOOL_TIMEOUT, List.of("dpkg-deb", "-e", deb.toString(), control.toString())).assertSuccess();
        installDir = unpacked.resolve(Build.property("linuxInstallDir").replaceFirst("^/", ""))
                .resolve(Build.property("linuxPackageName"));
    }

    @Test
    void controlNamesPackageVersionAndGtk() throws Exception {
        assertEquals(Build.property("linuxPackageName"), field("Package"));
        assertEquals(Build.version() + "-1", field("Version"));
        List<String> depends = Arrays.stream(field("Depends").split(","))
                .map(String::trim).collect(Collectors.toList());
        assertTrue(depends.contains("libgtk-3-0"), "Depends names GTK 3 (JavaFX needs it): " + depends);
    }

    @Test
    void packageHoldsBothLaunchersAndTheRuntime() {
        assertTrue(Files.isExecutable(installDir.resolve("bin").resolve(Build.appName())), "GUI launcher");
        assertTrue(Files.isExecutable(installDir.resolve("bin").resolve(Build.cliName())), "CLI launcher");
        assertTrue(Files.isRegularFile(installDir.resolve("lib/runtime/lib/modules")), "runtime image");
        assertTrue(Files.isRegularFile(installDir.resolve("lib/runtime/lib/libglassgtk3.so")), "JavaFX natives");
    }

    @Test
    void guiHasAMenuEntryWithIconAndTheCliIsKeptOutOfTheMenu() throws IOException {
        String gui = desktopEntry(Build.appName());
        String launcher = "/" + unpacked.relativize(installDir.resolve("bin").resolve(Build.appName()));
        assertTrue(gui.contains("Name=" + Build.appName() + "\n"), gui);
        assertTrue(gui.contains("Exec=\"" + launcher + "\"\n"), "Exec quotes the path with a space:\n" + gui);
        assertTrue(gui.contains("Terminal=false\n"), gui);
        assertTrue(gui.contains("Categories=Science;Electronics;\n"), gui);
        String icon = line(gui, "Icon=");
        assertTrue(Files.isRegularFile(unpacked.resolve(icon.replaceFirst("^/", ""))), "icon " + icon + " is in the package");

        String cli = desktopEntry(Build.cliName());
        assertTrue(cli.contains("NoDisplay=true\n"), cli);
    }

    @Test
    void postinstRegistersTheMenuEntriesAndPutsTheCliOnThePath() throws Exception {
        String postinst = Files.readString(control.resolve("postinst"));
        String prerm = Files.readString(control.resolve("prerm"));
        assertTrue(postinst.contains("xdg-desktop-menu install"), postinst);
        assertTrue(prerm.contains("xdg-desktop-menu uninstall"), prerm);
        String cli = "/" + unpacked.relativize(installDir.resolve("bin").resolve(Build.cliName()));
        assertTrue(postinst.contains("ln -sf \"" + cli + "\" /usr/bin/" + Build.cliName()), postinst);
        assertTrue(prerm.contains("rm -f /usr/bin/" + Build.cliName()), prerm);
        assertTrue(Files.isExecutable(control.resolve("postinst")), "postinst is executable");
        for (String script : List.of("preinst", "postinst", "prerm", "postrm")) {
            Command.run(TOOL_TIMEOUT, List.of("sh", "-n", control.resolve(script).toString())).assertSuccess();
        }
    }

    @Test
    void cliFromTheUnpackedPackagePrintsItsVersion() throws Exception {
        Path cli = Build.launcher(installDir, Build.cliName());
        assertEquals("streamframer " + Build.property("projectVersion"), CliCalls.version(cli));
    }

    @Test
    void cliFromTheUnpackedPackageQueriesTheSimulatorFromThePackage() throws Exception {
        Path cli = Build.launcher(installDir, Build.cliName());
        CliCalls.assertIdentifiesSimulator(cli);
    }

    private String desktopEntry(String launcher) throws IOException {
        String suffix = "-" + launcher.replace(' ', '_') + ".desktop";
        try (var files = Files.list(installDir.resolve("lib"))) {
            Path file = files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no *" + suffix + " in " + installDir.resolve("lib")));
            return Files.readString(file);
        }
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " line in:\n" + text));
    }

    private static String field(String name) throws Exception {
        return Command.run(TOOL_TIMEOUT, Map.of(), List.of("dpkg-deb", "-f", deb.toString(), name))
                .assertSuccess().output().trim();
    }
}
