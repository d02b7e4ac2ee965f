package org.streamframer.app.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a session log ({@link JsonlFormat}) back. A line that cannot be read does not stop
 * the rest: it is reported with its number ({@link LogFormatException}) and reading goes on.
 * Blank lines are ignored. Blocking: call it off the FX thread.
 */
public final class JsonlFrameReader {

    /** The frames of a log, in file order, and the lines that could not be read. */
    public record Contents(List<LoggedFrame> frames, List<LogFormatException> problems) {
        public Contents {
            frames = List.copyOf(frames);
            problems = List.copyOf(problems);
        }
    }

    private JsonlFrameReader() {
    }

    /** Reads the whole file. */
    public static Contents read(Path file) throws IOException {
        List<LoggedFrame> frames = new ArrayList<>();
        List<LogFormatException> problems = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(r, frames::add, problems::add);
        }
        return new Contents(frames, problems);
    }

    /** Streams frames and problems to the two consumers, in file order. */
    public static void read(Reader in, Consumer<LoggedFrame> frames, Consumer<LogFormatException> problems)
            throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        long lineNumber = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                frames.accept(JsonlFormat.parse(line, lineNumber));
            } catch (LogFormatException e) {
                problems.accept(e);
            }
        }
    }
}
