package org.streamframer.framing.transport;

/** Serial flow control: none, hardware (RTS/CTS) or software (XON/XOFF). */
public enum FlowControl { NONE, RTS_CTS, XON_XOFF }
