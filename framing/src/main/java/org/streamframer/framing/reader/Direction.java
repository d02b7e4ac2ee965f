package org.streamframer.framing.reader;

/** Which way a frame went: received from the peer (RX) or sent to it (TX). */
public enum Direction { RX, TX }
