package org.streamframer.framing.transport;

import java.lang.reflect.Method;

/**
 * CPU time of one thread, through {@code java.lang.management.ThreadMXBean}. Called reflectively:
 * the framing module does not (and should not) require java.management, and its tests run inside
 * it; reflection needs the package exported, not read.
 */
public final class ThreadCpu {
    private static final Object BEAN;
    private static final Method CPU_TIME;

    static {
        try {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            BEAN = factory.getMethod("getThreadMXBean").invoke(null);
            CPU_TIME = Class.forName("java.lang.management.ThreadMXBean").getMethod("getThreadCpuTime", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ThreadCpu() {
    }

    /** Nanoseconds of CPU the live thread {@code t} has used; fails if the JVM cannot tell. */
    public static long nanos(Thread t) {
        try {
            long n = (long) CPU_TIME.invoke(BEAN, t.getId());
            if (n < 0) {
                throw new IllegalStateException("no CPU time for " + t.getName() + " (dead, or not supported)");
            }
            return n;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
