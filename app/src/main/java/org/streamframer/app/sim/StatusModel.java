package org.streamframer.app.sim;

import java.util.ArrayDeque;

/**
 * One client's IEEE 488.2 status: the SCPI error queue and the standard event status
 * register (ESR) with its enable mask (ESE), and the service request enable (SRE).
 *
 * <pre>
 *   ESR bit  7   6   5    4    3    2    1   0
 *            PON URQ CME  EXE  DDE  QYE  RQC OPC     CME: -1xx, EXE: -2xx, DDE: -3xx, QYE: -4xx
 *   STB bit  7   6    5    4    3   2    1   0
 *            -   MSS  ESB  MAV  -   EAV  -   -       EAV: error queue not empty, ESB: ESR &amp; ESE
 * </pre>
 *
 * <p>The queue holds {@link #CAPACITY} errors; when it is full the newest entry is replaced by
 * {@code -350,"Queue overflow"} and further errors are lost, as SCPI-99 specifies.
 * Not thread-safe: one client thread owns it.
 */
final class StatusModel {

    static final int CAPACITY = 20;

    static final int ESR_OPC = 1;
    static final int ESR_QYE = 1 << 2;
    static final int ESR_DDE = 1 << 3;
    static final int ESR_EXE = 1 << 4;
    static final int ESR_CME = 1 << 5;

    static final int STB_EAV = 1 << 2;
    static final int STB_ESB = 1 << 5;
    static final int STB_MSS = 1 << 6;

    record QueuedError(int code, String message) {
        @Override
        public String toString() {
            return code + ",\"" + message + "\"";
        }
    }

    private static final QueuedError NO_ERROR = new QueuedError(0, "No error");
    private static final QueuedError OVERFLOW = new QueuedError(ScpiError.QUEUE_OVERFLOW, "Queue overflow");

    private final ArrayDeque<QueuedError> queue = new ArrayDeque<>(CAPACITY);
    private int esr;
    private int ese;
    private int sre;

    /** Queues an error and sets its event bit in the ESR. */
    void push(int code, String message) {
        esr |= eventBit(code);
        if (queue.size() < CAPACITY) {
            queue.addLast(new QueuedError(code, message));
        } else if (queue.peekLast() != OVERFLOW) {
            queue.pollLast();
            queue.addLast(OVERFLOW);
            esr |= ESR_DDE;
        }
    }

    void push(ScpiError e) {
        push(e.code(), e.getMessage());
    }

    private static int eventBit(int code) {
        int c = -code;
        if (c >= 100 && c < 200) {
            return ESR_CME;
        }
        if (c >= 200 && c < 300) {
            return ESR_EXE;
        }
        if (c >= 300 && c < 400) {
            return ESR_DDE;
        }
        if (c >= 400 && c < 500) {
            return ESR_QYE;
        }
        return 0;
    }

    /** The oldest error, removed; {@code 0,"No error"} when the queue is empty. */
    QueuedError pop() {
        QueuedError e = queue.pollFirst();
        return e == null ? NO_ERROR : e;
    }

    int errorCount() {
        return queue.size();
    }

    /** *OPC: operation complete (every operation here completes at once). */
    void operationComplete() {
        esr |= ESR_OPC;
    }

    /** *ESR?: reads and clears the event status register. */
    int readAndClearEsr() {
        int v = esr;
        esr = 0;
        return v;
    }

    /** *STB?: the status byte (not cleared by reading). */
    int statusByte() {
        int stb = 0;
        if (!queue.isEmpty()) {
            stb |= STB_EAV;
        }
        if ((esr & ese) != 0) {
            stb |= STB_ESB;
        }
        if ((stb & sre & ~STB_MSS) != 0) {
            stb |= STB_MSS;
        }
        return stb;
    }

    int ese() {
        return ese;
    }

    void ese(int mask) {
        ese = mask & 0xFF;
    }

    int sre() {
        return sre;
    }

    void sre(int mask) {
        sre = mask & 0xBF;
    }

    /** *CLS: empties the error queue and clears the ESR (the enable masks stay). */
    void clear() {
        queue.clear();
        esr = 0;
    }
}
