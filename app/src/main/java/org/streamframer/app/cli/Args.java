package org.streamframer.app.cli;

import java.util.Locale;

import org.streamframer.framing.FrameRule;
import org.streamframer.framing.scpi.Terminator;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Option values shared by several commands, parsed into bad-argument errors (exit 2). */
final class Args {

    private Args() {
    }

    static Terminator terminator(CommandSpec spec, String text) {
        try {
            return Terminator.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "--terminator: '" + text + "' is not lf, crlf, cr or none", e);
        }
    }

    static FrameRule rule(CommandSpec spec, String name) {
        try {
            return RuleNames.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--rule: " + e.getMessage(), e);
        }
    }
}
