package org.streamframer.framing.reader;

/**
 * What the reader does when its delivery queue is full because listeners are slower than the
 * line. Either way memory stays bounded by the queue capacity (times the frame size).
 * <ul>
 *   <li>BLOCK (the default): the reader thread waits for room, so nothing is lost; the
 *       transport's own buffers (socket window, serial driver) then fill and the peer is slowed
 *       or, on a serial line without flow control, the driver drops bytes.</li>
 *   <li>DROP: the event is dropped and counted ({@link ReaderStats#dropped()}); reading goes
 *       on. State changes are never dropped.</li>
 * </ul>
 */
public enum OverflowPolicy { BLOCK, DROP }
