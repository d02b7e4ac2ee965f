package org.streamframer.framing.scpi;

import java.util.Objects;

/**
 * One entry of the instrument's error queue ({@code SYST:ERR?}), e.g.
 * {@code -113,"Undefined header"}. Code 0 ({@code 0,"No error"}) means the queue is empty.
 */
public record InstrumentError(int code, String message) {

    public InstrumentError {
        Objects.requireNonNull(message, "message");
    }

    /**
     * Parses a {@code SYST:ERR?} response: {@code <code>,"<message>"} (quotes optional).
     *
     * @throws IllegalArgumentException no integer code before the comma (the message quotes it)
     */
    public static InstrumentError parse(String response) {
        Objects.requireNonNull(response, "response");
        String s = response.strip();
        int comma = s.indexOf(',');
        String code = (comma < 0 ? s : s.substring(0, comma)).strip();
        String msg = comma < 0 ? "" : s.substring(comma + 1).strip();
        if (msg.length() >= 2 && msg.startsWith("\"") && msg.endsWith("\"")) {
            msg = msg.substring(1, msg.length() - 1).replace("\"\"", "\"");
        }
        try {
            return new InstrumentError(Integer.parseInt(code.startsWith("+") ? code.substring(1) : code), msg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SYST:ERR? response does not start with an integer code: \"" + s + "\"", e);
        }
    }

    /** True for code 0: the queue is empty. */
    public boolean isNoError() {
        return code == 0;
    }
}
