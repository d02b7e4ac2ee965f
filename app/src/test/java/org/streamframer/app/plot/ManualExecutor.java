package org.streamframer.app.plot;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that only queues; the test runs the tasks when it wants them to happen. */
final class ManualExecutor implements Executor {

    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable r) {
        tasks.add(r);
    }

    int pending() {
        return tasks.size();
    }

    /** Runs the oldest task; false when there was none. */
    boolean runOne() {
        Runnable r = tasks.poll();
        if (r == null) {
            return false;
        }
        r.run();
        return true;
    }

    int runAll() {
        int n = 0;
        while (runOne()) {
            n++;
        }
        return n;
    }
}
