package org.streamframer.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.FrameEvent;
import org.streamframer.framing.reader.ReaderListener;

class SessionLogViewModelTest {

    @TempDir
    Path dir;

    /** FX work queued here; the test drains it (it plays the FX thread). */
    private final BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private final List<ReaderListener> listeners = new CopyOnWriteArrayList<>();
    private final SessionLogViewModel vm = new SessionLogViewModel(
            new FrameSource(listeners::add, listeners::remove), fx::add, Runnable::run);

    private void emit(Direction d, String text) {
        FrameEvent e = new FrameEvent(0, d, Instant.now(), System.nanoTime(), text.getBytes(), 0, null);
        listeners.forEach(l -> l.onFrame(e));
    }

    private void runFxUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Runnable r = fx.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        assertTrue(done.getAsBoolean(), "condition not met within 10 s");
    }

    @Test
    void startRecordStopAndOpenItAgain() throws Exception {
        Path file = dir.resolve("s.jsonl");
        vm.start(file, SessionLogViewModel.Format.JSONL);
        assertTrue(vm.recordingProperty().get());
        assertEquals(1, listeners.size());
        emit(Direction.TX, "*IDN?\n");
        emit(Direction.RX, "ACME\n");
        vm.stop();
        assertFalse(vm.recordingProperty().get());
        assertEquals(0, listeners.size(), "detached from the connection");
        runFxUntil(() -> vm.statusProperty().get().startsWith("recorded"));
        assertEquals("recorded 2 frames to " + file, vm.statusProperty().get());
        JsonlFrameReader.Contents c = vm.open(file).get(10, TimeUnit.SECONDS);
        assertEquals(2, c.frames().size());
        assertEquals(1L, c.frames().get(1).queryId());
    }

    @Test
    void rawRecordingKeepsReceivedBytes() throws Exception {
        Path file = dir.resolve("s.bin");
        vm.start(file, SessionLogViewModel.Format.RAW);
        emit(Direction.TX, "MEAS?\n");
        emit(Direction.RX, "1.5\n");
        vm.stop();
        runFxUntil(() -> vm.statusProperty().get().startsWith("recorded"));
        assertEquals("1.5\n", Files.readString(file));
    }

    @Test
    void rawRecordingKeepsTheChosenDirections() throws Exception {
        String[] expected = {"1.5\n", "MEAS?\n", "MEAS?\n1.5\n"};
        for (RawDirections d : RawDirections.values()) {
            Path file = dir.resolve("s-" + d + ".bin");
            vm.rawDirectionsProperty().set(d);
            vm.start(file, SessionLogViewModel.Format.RAW);
            emit(Direction.TX, "MEAS?\n");
            emit(Direction.RX, "1.5\n");
            vm.stop();
            runFxUntil(() -> vm.statusProperty().get().equals("recorded 1 frames to " + file)
                    || vm.statusProperty().get().equals("recorded 2 frames to " + file));
            assertEquals(expected[d.ordinal()], Files.readString(file), d.toString());
        }
    }

    @Test
    void unwritablePathEndsTheRecordingWithOneMessage() throws Exception {
        Path bad = Files.writeString(dir.resolve("file"), "x").resolve("log.jsonl");
        vm.start(bad, SessionLogViewModel.Format.JSONL);
        runFxUntil(() -> !vm.errorProperty().get().isEmpty());
        assertFalse(vm.recordingProperty().get());
        assertEquals(0, listeners.size());
        assertTrue(vm.errorProperty().get().startsWith("session log " + bad + ": could not open"),
                vm.errorProperty().get());
        emit(Direction.RX, "the connection goes on");
    }
}
