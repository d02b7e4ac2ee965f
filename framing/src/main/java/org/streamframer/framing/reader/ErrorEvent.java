package org.streamframer.framing.reader;

import java.time.Instant;

/**
 * Something went wrong without necessarily ending the connection: a framing error
 * ({@code FramingException}; reading goes on), a partial frame at disconnect
 * ({@code PartialFrameException}, carrying the bytes), a transport failure ({@code IOException}),
 * or an exception thrown by a listener (wrapped in {@link ListenerException}).
 */
public record ErrorEvent(Instant time, Exception error) {
}
