/** Core: {@link org.streamframer.framing.FrameBuffer}, {@link org.streamframer.framing.FrameRule}, {@link org.streamframer.framing.Frame} and the framing errors. */
package org.streamframer.framing;
