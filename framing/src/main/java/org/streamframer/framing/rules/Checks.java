package org.streamframer.framing.rules;

/** Argument checks shared by the rules' constructors; messages name the argument and its value. */
final class Checks {

    private Checks() {
    }

    static int maxFrameLength(int maxFrameLength) {
        if (maxFrameLength < 1) {
            throw new IllegalArgumentException("maxFrameLength < 1: " + maxFrameLength);
        }
        return maxFrameLength;
    }
}
