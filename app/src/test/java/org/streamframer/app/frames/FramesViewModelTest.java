package org.streamframer.app.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.streamframer.app.ui.Dispatcher;
import org.streamframer.framing.CorruptFrameException;
import org.streamframer.framing.fstrm.ControlFrame;
import org.streamframer.framing.fstrm.FstrmRule;
import org.streamframer.framing.reader.Direction;
import org.streamframer.framing.reader.ErrorEvent;
import org.streamframer.framing.reader.FrameEvent;

class FramesViewModelTest {

    private static FrameEvent frame(long seq, Direction d, String text) {
        return new FrameEvent(seq, d, Instant.parse("2026-12-01T10:15:30.123Z"), seq, text.getBytes(StandardCharsets.ISO_8859_1), 0, null);
    }

    @Test
    void framesErrorsAndControlFramesBecomeRows() {
        FramesViewModel vm = new FramesViewModel(Dispatcher.currentThread(), 100);
        vm.onFrame(frame(1, Direction.TX, "*IDN?\n"));
        vm.onFrame(frame(2, Direction.RX, "Streamframer,SIM\r\n"));
        vm.onFrame(new FrameEvent(3, Direction.RX, Instant.now(), 3, new byte[] {0, 0, 0, 2}, FstrmRule.TYPE_CONTROL,
                ControlFrame.start("protobuf:dnstap.Dnstap")));
        vm.onError(new ErrorEvent(Instant.now(), new CorruptFrameException("length field 70000 over 65536")));
        List<FrameRow> rows = vm.rows();
        assertEquals(4, rows.size());
        assertEquals("*IDN?\\n", rows.get(0).content(ContentFormat.TEXT));
        assertEquals("53 74", rows.get(1).content(ContentFormat.HEX).substring(0, 5));
        assertEquals(FrameRow.Kind.CONTROL, rows.get(2).kind());
        assertEquals("[Frame Streams START protobuf:dnstap.Dnstap] \\x00\\x00\\x00\\x02", rows.get(2).content(ContentFormat.TEXT));
        assertEquals(FrameRow.Kind.ERROR, rows.get(3).kind());
        assertEquals("error: length field 70000 over 65536", rows.get(3).content(ContentFormat.TEXT));
    }

    @Test
    void theTableIsCappedAndSaysHowManyWereDropped() {
        FramesViewModel vm = new FramesViewModel(Dispatcher.currentThread(), 1000);
        for (int i = 0; i < 2500; i++) {
            vm.onFrame(frame(i, Direction.RX, "v" + i));
        }
        int held = vm.rows().size();
        assertTrue(held <= 1000 && held >= 950, "held " + held);
        assertEquals(2500 - held, vm.dropped());
        assertEquals(String.format(java.util.Locale.ROOT, "%,d older frames dropped from view (keeping 1,000)", 2500 - held),
                vm.droppedTextProperty().get());
        assertEquals("v" + (2500 - held), vm.rows().get(0).content(ContentFormat.TEXT));
        assertEquals("v2499", vm.rows().get(held - 1).content(ContentFormat.TEXT));
        vm.clear();
        assertEquals("", vm.droppedTextProperty().get());
    }

    @Test
    void filterMatchesContentInTheShownFormat() {
        FramesViewModel vm = new FramesViewModel(Dispatcher.currentThread(), 100);
        vm.onFrame(frame(1, Direction.RX, "+1.2345E+00"));
        vm.onFrame(frame(2, Direction.RX, "Streamframer"));
        vm.filterProperty().set("e+00");
        assertEquals(1, vm.rows().size());
        vm.formatProperty().set(ContentFormat.HEX);
        vm.filterProperty().set("53 74");
        assertEquals(2L, vm.rows().get(0).sequence());
        vm.filterProperty().set("");
        assertEquals(2, vm.rows().size());
    }

    @Test
    void aFrameCarryingABlockOpensInTheViewerOthersDoNot() {
        FramesViewModel vm = new FramesViewModel(Dispatcher.currentThread(), 100);
        java.util.List<String> opened = new java.util.ArrayList<>();
        vm.setBlockViewer((source, bytes, blocks) -> opened.add(source + " " + blocks));
        FrameRow block = FrameRow.of(frame(4, Direction.RX, "#15hello"));
        FrameRow text = FrameRow.of(frame(5, Direction.RX, "1.5 V"));
        FrameRow hashInText = FrameRow.of(frame(6, Direction.RX, "ACME #1"));
        FrameRow cut = FrameRow.of(frame(7, Direction.RX, "#210abc")); // a line rule cut the block
        FrameRow error = new FrameRow(-1, Instant.EPOCH, Direction.RX, FrameRow.Kind.ERROR, null, "lost");
        assertEquals(java.util.List.of(new org.streamframer.framing.rules.IeeeBlock(3, 5, false)),
                FramesViewModel.blocks(block));
        for (FrameRow r : java.util.List.of(text, hashInText, cut, error)) {
            assertTrue(!vm.hasBlock(r) && !vm.openBlock(r), r.content(ContentFormat.TEXT));
        }
        assertTrue(vm.openBlock(block));
        assertEquals(java.util.List.of("frame #4 RX [IeeeBlock[offset=3, length=5, indefinite=false]]"), opened);
    }

    @Test
    void detailIsAHexDumpWithOffsetsAndCopyUsesTheFormat() throws IOException {
        FramesViewModel vm = new FramesViewModel(Dispatcher.currentThread(), 100);
        vm.onFrame(frame(7, Direction.RX, "0123456789abcdefXY\n"));
        vm.selectedProperty().set(vm.rows().get(0));
        String d = vm.detailProperty().get();
        assertTrue(d.contains("00000000  30 31 32 33 34 35 36 37  |01234567|\n00000008  38 39 61 62 63 64 65 66  |89abcdef|"), d);
        assertTrue(d.contains("00000010  58 59 0A"), d);
        assertTrue(HexDump.format("0123456789abcdefXY".getBytes(), 100).startsWith(
                "00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n00000010  58 59"));
        assertTrue(HexDump.format(new byte[100], 20).endsWith("... 80 more bytes\n"));
        assertTrue(d.contains("|XY.|"), d);
        assertTrue(vm.copyAs(vm.rows(), ContentFormat.HEX).endsWith("\tRX\t19\t30 31 32 33 34 35 36 37 38 39 61 62 63 64 65 66 58 59 0A\n"));
        assertTrue(vm.copyAs(vm.rows(), ContentFormat.TEXT).endsWith("\t0123456789abcdefXY\\n\n"));
    }
}
