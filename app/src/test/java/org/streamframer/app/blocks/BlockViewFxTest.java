package org.streamframer.app.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.streamframer.app.sim.SimConfig;
import org.streamframer.app.sim.SimulatedInstrument;
import org.streamframer.framing.rules.IeeeBlock;
import org.streamframer.framing.scpi.InstrumentSession;
import org.streamframer.framing.scpi.Response;
import org.streamframer.framing.scpi.Terminator;
import org.streamframer.framing.transport.TcpClientTransport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The viewer shows the simulator's real HCOP:SDUM:DATA? screenshot and WAV:DATA? waveform (headless). */
@ExtendWith(ApplicationExtension.class)
class BlockViewFxTest {

    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-block-io"));
    private BlockViewModel vm;
    private BlockView view;

    @Start
    void start(Stage stage) {
        vm = new BlockViewModel(io, Platform::runLater);
        view = new BlockView(vm);
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    /** The simulator's answer through the real SCPI session (its rule steps over the block, findBlocks finds it). */
    private static Response fromSimulator(String command) throws Exception {
        try (SimulatedInstrument sim = new SimulatedInstrument(SimConfig.ephemeral()).start();
             InstrumentSession s = InstrumentSession.open(
                     TcpClientTransport.factory("127.0.0.1", sim.port(), java.time.Duration.ofSeconds(5)), Terminator.LF)) {
            Response r = s.query(command, java.time.Duration.ofSeconds(10));
            assertEquals(1, r.blocks().size(), command + " carries one block: " + r);
            return r;
        }
    }

    @Test
    void simulatorScreenshotIsShownAsAnImage(FxRobot robot) throws Exception {
        Response r = fromSimulator("HCOP:SDUM:DATA?");
        IeeeBlock block = r.blocks().get(0);
        robot.interact(() -> vm.open(r, 0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#block-image").queryAs(ImageView.class).getImage() != null);
        ImageView iv = robot.lookup("#block-image").queryAs(ImageView.class);
        assertTrue(iv.getImage().getWidth() >= 100 && iv.getImage().getHeight() >= 100,
                iv.getImage().getWidth() + "x" + iv.getImage().getHeight());
        TabPane tabs = robot.lookup("#block-tabs").queryAs(TabPane.class);
        assertEquals("Image", tabs.getSelectionModel().getSelectedItem().getText());
        assertEquals(ImageKind.PNG, vm.imageKindProperty().get());
        ListView<?> hex = robot.lookup("#block-hex").queryAs(ListView.class);
        assertEquals((block.length() + 15) / 16, hex.getItems().size());
        assertTrue(robot.lookup("#block-header").queryLabeled().getText()
                .endsWith(block.length() + " data bytes at offset " + block.offset()));

        // the next block is no image: the viewer leaves the Image tab (disabled now) for the hex dump
        Response wave = fromSimulator("WAV:DATA?");
        robot.interact(() -> vm.open(wave, 0));
        assertTrue(tabs.getTabs().get(1).isDisable());
        assertEquals("Hex", tabs.getSelectionModel().getSelectedItem().getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void simulatorWaveformIsPlottedAsInt16LittleEndian(FxRobot robot) throws Exception {
        Response r = fromSimulator("WAV:DATA?");
        IeeeBlock block = r.blocks().get(0);
        robot.interact(() -> vm.open(r, 0));
        ComboBox<SampleFormat> format = robot.lookup("#block-format").queryAs(ComboBox.class);
        robot.interact(() -> format.setValue(SampleFormat.INT16));
        XYChart.Series<Number, Number> trace = view.chart().getData().get(0);
        int n = block.length() / 2;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> trace.getData().size() == n); // decoded off the FX thread
        assertEquals(n, trace.getData().size(), "every sample of a " + n + "-sample trace");
        ByteBuffer b = ByteBuffer.wrap(r.bytes(), block.offset(), block.length()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            assertEquals((double) b.getShort(), trace.getData().get(i).getYValue().doubleValue(), "sample " + i);
        }
        double min = trace.getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).min().orElseThrow();
        double max = trace.getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).max().orElseThrow();
        assertTrue(max - min > 1000, "a real trace, not a flat line: " + min + ".." + max);
        assertEquals("Waveform", robot.lookup("#block-tabs").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getText());
        assertNotNull(robot.lookup("#block-wave-summary").queryLabeled().getText());
        assertTrue(robot.lookup("#block-wave-summary").queryLabeled().getText().startsWith(n + " samples, int16 little-endian"));
    }
}
