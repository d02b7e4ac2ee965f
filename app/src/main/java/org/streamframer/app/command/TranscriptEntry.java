package org.streamframer.app.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the console transcript: a command and what became of it.
 *
 * @param answer     the response text (escaped), or what had arrived before a timeout
 * @param roundTrip  for answered queries, the time from send to answer; else null
 */
public record TranscriptEntry(Instant time, String command, Outcome outcome, String answer, Duration roundTrip) {

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
