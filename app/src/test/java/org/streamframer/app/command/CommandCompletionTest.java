package org.streamframer.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.app.connection.ActiveConnection;
import org.streamframer.app.connection.BuiltInSimulator;
import org.streamframer.app.connection.ConnectionProfile;
import org.streamframer.app.connection.Connector;
import org.streamframer.app.frames.RuleFactory;
import org.streamframer.app.settings.ConfigDir;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.app.ui.NotificationCenter;
import org.streamframer.framing.reader.ConnectionState;
import org.streamframer.framing.reader.ReaderListener;
import org.streamframer.framing.reader.StateEvent;
import org.streamframer.framing.scpi.QueryTimeoutException;

/**
 * Every command sent ends: its transcript line is completed and the busy mark clears, also when
 * another thread holds the session (the plot), when the background refuses work, or when an
 * Error escapes the background task. Against the built-in simulator.
 */
class CommandCompletionTest {

    @TempDir
    Path dir;

    private ActiveConnection conn;
    private final ExecutorService other = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-plot-query");
        t.setDaemon(true);
        return t;
    });

    @BeforeEach
    void connect() throws Exception {
        ConnectionProfile p = ConnectionProfile.defaultProfile();
        CountDownLatch up = new CountDownLatch(1);
        conn = new Connector(List::of, new BuiltInSimulator()).open(p, RuleFactory.build(p.framing()),
                new ReaderListener() {
                    @Override
                    public void onState(StateEvent e) {
                        if (e.state() == ConnectionState.CONNECTED) {
                            up.countDown();
                        }
                    }
                });
        assertTrue(up.await(10, TimeUnit.SECONDS), "connected to the simulator");
    }

    @AfterEach
    void close() {
        other.shutdownNow();
        conn.close();
    }

    private CommandViewModel vm(Dispatcher d) {
        return new CommandViewModel(d, new NotificationCenter(Dispatcher.currentThread(), Clock.systemUTC()),
                () -> conn, new ConfigDir(dir), Clock.systemUTC());
    }

    @Test
    void aQueryWhileThePlotHoldsTheSessionEndsWithinItsTimeoutAndSaysWhy() throws Exception {
        // the plot's query thread waits 4 s for an answer the simulator never gives (an unknown header)
        Future<?> plot = other.submit(() -> conn.session().query("MEAS:VOLTS?", Duration.ofSeconds(4)));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (conn.reader().stats().framesOut() == 0 && System.nanoTime() < until) {
            Thread.sleep(5); // the plot has its turn once its command went out
        }
        CommandViewModel vm = vm(Dispatcher.currentThread());
        vm.timeoutProperty().set(Duration.ofMillis(400));
        long t0 = System.nanoTime();
        vm.send("*IDN?");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        TranscriptEntry e = vm.transcript().get(0);
        assertEquals(TranscriptEntry.Outcome.FAILED, e.outcome(), e.answer());
        assertTrue(e.answer().contains("not sent") && e.answer().contains("MEAS:VOLTS?"), e.answer());
        assertTrue(ms < 2_000, "ended after " + ms + " ms");
        assertFalse(vm.busyProperty().get());
        java.util.concurrent.ExecutionException end = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> plot.get(8, TimeUnit.SECONDS));
        assertTrue(end.getCause() instanceof QueryTimeoutException, String.valueOf(end.getCause()));
        vm.send("*IDN?"); // the session is free again
        assertEquals(TranscriptEntry.Outcome.ANSWERED, vm.transcript().get(1).outcome(), vm.transcript().get(1).answer());
    }

    @Test
    void aRefusedBackgroundTaskCompletesTheLineAtOnce() {
        // the first background task is the history save (run); the command's is refused
        java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
        Dispatcher refusing = new Dispatcher() {
            @Override
            public void background(Runnable task) {
                if (tasks.incrementAndGet() > 1) {
                    throw new RejectedExecutionException("pool shut down");
                }
                task.run();
            }

            @Override
            public void ui(Runnable task) {
                task.run();
            }
        };
        CommandViewModel vm = vm(refusing);
        vm.send("*IDN?");
        assertEquals(1, vm.transcript().size());
        assertEquals(TranscriptEntry.Outcome.FAILED, vm.transcript().get(0).outcome());
        assertEquals("not sent: the console is shutting down", vm.transcript().get(0).answer());
        assertFalse(vm.busyProperty().get(), "not left busy");
    }

    @Test
    void anErrorEscapingTheTaskStillCompletesTheLineAndIsNotSwallowed() {
        CommandViewModel vm = vm(Dispatcher.currentThread());
        // the hand-off to the block viewer runs inside the task here (same-thread dispatcher)
        vm.setBlockViewer((r, asked) -> {
            throw new StackOverflowError("viewer blew up");
        });
        StackOverflowError thrown = assertThrows(StackOverflowError.class, () -> vm.send("WAV:DATA?"));
        assertEquals("viewer blew up", thrown.getMessage(), "rethrown for the uncaught-error handler");
        TranscriptEntry e = vm.transcript().get(0);
        assertEquals(TranscriptEntry.Outcome.FAILED, e.outcome());
        assertTrue(e.answer().startsWith("internal error: java.lang.StackOverflowError"), e.answer());
        assertFalse(vm.busyProperty().get(), "not left busy");
    }
}
