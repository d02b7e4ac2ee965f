package org.streamframer.app.command;

import java.util.Objects;

/** A favourite command: a short name for the button and the command it sends. */
public record Favorite(String name, String command) {
    public Favorite {
        Objects.requireNonNull(command, "command");
        name = name == null || name.isBlank() ? command : name.strip();
    }
}
