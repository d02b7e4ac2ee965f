package org.streamframer.app.ui;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

/**
 * Every thread's stack, the lock each waits for and its owner, the synchronizers each holds,
 * and which threads are deadlocked ({@code ThreadMXBean.dumpAllThreads(true, true)},
 * {@code findDeadlockedThreads()}): what a stall test prints when it fails.
 *
 * <p>Reached reflectively: the app module does not read {@code java.management} (tests run on
 * the class path, where it is readable); without it, plain stacks from
 * {@link Thread#getAllStackTraces()}.
 */
public final class ThreadDumps {

    private ThreadDumps() {
    }

    public static String all() {
        try {
            return withLocks();
        } catch (ReflectiveOperationException | RuntimeException e) {
            StringBuilder sb = new StringBuilder("(no ThreadMXBean: " + e + ")\n");
            for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
                sb.append('"').append(t.getKey().getName()).append("\" ").append(t.getKey().getState()).append('\n');
                for (StackTraceElement s : t.getValue()) {
                    sb.append("    at ").append(s).append('\n');
                }
            }
            return sb.toString();
        }
    }

    private static String withLocks() throws ReflectiveOperationException {
        Object mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Class<?> mxType = Class.forName("java.lang.management.ThreadMXBean");
        long[] dead = (long[]) mxType.getMethod("findDeadlockedThreads").invoke(mx);
        Object[] infos = (Object[]) mxType.getMethod("dumpAllThreads", boolean.class, boolean.class)
                .invoke(mx, true, true);
        Class<?> info = Class.forName("java.lang.management.ThreadInfo");
        Method name = info.getMethod("getThreadName");
        Method state = info.getMethod("getThreadState");
        Method lock = info.getMethod("getLockName");
        Method owner = info.getMethod("getLockOwnerName");
        Method stack = info.getMethod("getStackTrace");
        Method held = info.getMethod("getLockedSynchronizers");
        Method monitors = info.getMethod("getLockedMonitors");
        StringBuilder sb = new StringBuilder();
        sb.append("deadlocked threads: ").append(dead == null ? "none" : Arrays.toString(dead)).append('\n');
        for (Object t : infos) {
            sb.append('"').append(name.invoke(t)).append("\" ").append(state.invoke(t));
            if (lock.invoke(t) != null) {
                sb.append(" on ").append(lock.invoke(t));
            }
            if (owner.invoke(t) != null) {
                sb.append(" owned by \"").append(owner.invoke(t)).append('"');
            }
            sb.append('\n');
            for (StackTraceElement e : (StackTraceElement[]) stack.invoke(t)) {
                sb.append("    at ").append(e).append('\n');
            }
            for (Object m : (Object[]) monitors.invoke(t)) {
                sb.append("    holds monitor ").append(m).append('\n');
            }
            for (Object l : (Object[]) held.invoke(t)) {
                sb.append("    holds ").append(l).append('\n');
            }
        }
        return sb.toString();
    }
}
