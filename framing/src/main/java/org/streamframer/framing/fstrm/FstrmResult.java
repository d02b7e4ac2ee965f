package org.streamframer.framing.fstrm;

/**
 * How a Frame Streams stream went.
 *
 * @param contentType the content type START named, or null when it named none
 * @param dataFrames  data frames delivered
 * @param dataBytes   payload bytes delivered
 * @param stopped     true when the sender's STOP ended the stream (and FINISH was answered on a
 *                    bidirectional connection); false when the handler asked to stop first
 */
public record FstrmResult(String contentType, long dataFrames, long dataBytes, boolean stopped) {
}
