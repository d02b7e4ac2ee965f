package org.streamframer.app.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.streamframer.framing.scpi.Response;

/**
 * One line of the console transcript: a command and what became of it.
 *
 * @param answer     the response text (escaped), or what had arrived before a timeout
 * @param roundTrip  for answered queries, the time from send to answer; else null
 * @param block      an answer that carries IEEE 488.2 blocks (the block viewer can open it), else null
 */
public record TranscriptEntry(Instant time, String command, Outcome outcome, String answer, Duration roundTrip,
                              Response block) {

    /** What happened to the command. */
    public enum Outcome {
        /** Sent (or about to be); the outcome is not known yet. */
        PENDING,
        /** Sent without waiting. */
        WRITTEN,
        /** Query answered. */
        ANSWERED,
        /** Query not answered in time. */
        TIMED_OUT,
        /** Could not be sent (not connected, I/O error). */
        FAILED
    }

    public TranscriptEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(outcome, "outcome");
        answer = answer == null ? "" : answer;
        block = block != null && block.hasBlock() ? block : null;
    }

    /** An entry without a block. */
    public TranscriptEntry(Instant time, String command, Outcome outcome, String answer, Duration roundTrip) {
        this(time, command, outcome, answer, roundTrip, null);
    }

    /** Whether the answer carries a block the viewer can show. */
    public boolean hasBlock() {
        return block != null;
    }

    /** "12.4 ms", "850 µs". */
    public String roundTripText() {
        if (roundTrip == null) {
            return "";
        }
        long us = roundTrip.toNanos() / 1_000;
        return us < 1_000 ? us + " µs" : String.format(java.util.Locale.ROOT, "%.1f ms", us / 1000.0);
    }
}
