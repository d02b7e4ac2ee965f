package org.streamframer.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for something another thread does, with a generous deadline and a message saying what. */
public final class TestSupport {
    private TestSupport() {
    }

    public static void await(String what, long millis, BooleanSupplier condition) {
        await(what, millis, condition, () -> "");
    }

    public static void await(String what, long millis, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + millis + " ms waiting for " + what + " " + state.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }
}
