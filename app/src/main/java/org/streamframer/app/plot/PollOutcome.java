package org.streamframer.app.plot;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** What happened on one tick of one series. */
public sealed interface PollOutcome {

    /** When it happened (wall clock). */
    Instant time();

    /** The query was answered; {@code reading} is the parsed {@code text}. */
    record Answered(Instant time, String text, Reading reading, Duration roundTrip) implements PollOutcome {
    }

    /** The query got no (complete) answer within its timeout. */
    record TimedOut(Instant time, Duration timeout, IOException error) implements PollOutcome {
    }

    /** The query failed for another reason (disconnected, write failed...). */
    record Failed(Instant time, Exception error) implements PollOutcome {
    }

    /** The tick came while the previous query was still outstanding, so nothing was sent. */
    record Skipped(Instant time) implements PollOutcome {
    }
}
