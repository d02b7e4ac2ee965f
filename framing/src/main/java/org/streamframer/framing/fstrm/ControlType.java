package org.streamframer.framing.fstrm;

/** The Frame Streams control frame types and their wire codes. */
public enum ControlType {
    /** Receiver to sender: the content types it accepts, of those offered in READY. */
    ACCEPT(1),
    /** Sender: data frames follow; at most one content type. */
    START(2),
    /** Sender: no more data frames; no fields. */
    STOP(3),
    /** Sender to receiver: the content types it can send. */
    READY(4),
    /** Receiver to sender: STOP seen, the stream is over; no fields. */
    FINISH(5);

    private static final ControlType[] BY_CODE = {null, ACCEPT, START, STOP, READY, FINISH};

    private final int code;

    ControlType(int code) {
        this.code = code;
    }

    /** The 32-bit code on the wire. */
    public int code() {
        return code;
    }

    /** The type with this wire code, or null when the code is not a known control type. */
    public static ControlType of(long code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
    }
}
