package org.streamframer.app.frames;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;

import org.streamframer.app.ui.Dispatcher;
import org.streamframer.framing.reader.ErrorEvent;
import org.streamframer.framing.reader.FrameEvent;
import org.streamframer.framing.reader.ReaderListener;

/**
 * The live frame table. As a {@link ReaderListener} it receives frames on the reader's delivery
 * thread and only queues them ({@link Batcher}); batches reach {@link #rows()} on the FX thread,
 * capped at {@link #capProperty()} rows (older rows are dropped from view and counted).
 */
public final class FramesViewModel implements ReaderListener {

    /** Default table capacity. */
    public static final int DEFAULT_CAP = 100_000;
    static final int DETAIL_MAX_BYTES = 64 * 1024;
    /** Bytes per dump row in the detail pane (it sits beside the table). */
    static final int DETAIL_WIDTH = 8;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final CappedList<FrameRow> log;
    /** The rows shown: the log itself, or a filtered view of it while a filter is typed. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<javafx.collections.ObservableList<FrameRow>> shown =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "shown");
    private final Batcher<FrameRow> batcher;

    // Properties
    private final ObjectProperty<ContentFormat> format = new SimpleObjectProperty<>(this, "format", ContentFormat.TEXT);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty autoScroll = new SimpleBooleanProperty(this, "autoScroll", true);
    private final ObjectProperty<FrameRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Integer> cap = new ReadOnlyObjectWrapper<>(this, "cap");
    private final StringBinding detail;
    private final StringBinding droppedText;
    private final javafx.beans.property.ReadOnlyStringWrapper shownCountText =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "shownCountText", "0 frames");

    private BlockViewer blockViewer;

    public FramesViewModel(Dispatcher dispatcher, int cap) {
        log = new CappedList<>(cap);
        this.cap.set(cap);
        shown.set(log.items());
        log.items().addListener((javafx.collections.ListChangeListener<FrameRow>) c -> countShown());
        shown.addListener((o, a, b) -> countShown());
        // generous: the UI may fall behind by up to one table's worth before the oldest are shed
        batcher = new Batcher<>(dispatcher, Math.max(cap, 10_000), log::append);
        filter.addListener((o, a, b) -> refilter());
        format.addListener((o, a, b) -> refilter());
        detail = Bindings.createStringBinding(() -> {
            FrameRow r = selected.get();
            if (r == null) {
                return "";
            }
            String head = "#" + r.sequence() + "  " + r.direction() + "  " + time(r.time()) + "  " + r.length()
                    + " bytes" + (r.note().isEmpty() ? "" : "  " + r.note()) + "\n\n";
            return head + HexDump.format(r.bytes(), DETAIL_MAX_BYTES, DETAIL_WIDTH);
        }, selected);
        droppedText = Bindings.createStringBinding(() -> {
            long d = log.droppedProperty().get() + batcher.droppedBeforeView();
            return d == 0 ? "" : String.format(Locale.ROOT, "%,d older frames dropped from view (keeping %,d)", d,
                    this.cap.get());
        }, log.droppedProperty(), this.cap);
    }

    // Properties

    /** The rows the table shows now (filtered while a filter is typed). */
    public javafx.collections.ObservableList<FrameRow> rows() {
        return shown.get();
    }

    /**
     * The list the table shows; it changes when a filter is typed or cleared. Without a filter it
     * is the log itself, so a flood costs no filtering.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<javafx.collections.ObservableList<FrameRow>> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Every row held, unfiltered (changes once per batch). */
    public javafx.collections.ObservableList<FrameRow> allRows() {
        return log.items();
    }

    public ObjectProperty<ContentFormat> formatProperty() {
        return format;
    }

    /** Shows only rows whose content (in the current format) contains this, ignoring case. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Whether the table follows the newest row. The View clears it when the user scrolls up. */
    public BooleanProperty autoScrollProperty() {
        return autoScroll;
    }

    public ObjectProperty<FrameRow> selectedProperty() {
        return selected;
    }

    /** The selected frame as a hex + ASCII dump with offsets. */
    public StringBinding detailProperty() {
        return detail;
    }

    /** "1,234 older frames dropped from view (keeping 100,000)", or empty. */
    public StringBinding droppedTextProperty() {
        return droppedText;
    }

    /** "1,234 frames", or "12 of 1,234 frames match" while filtering. */
    public javafx.beans.property.ReadOnlyStringProperty shownCountTextProperty() {
        return shownCountText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> capProperty() {
        return cap.getReadOnlyProperty();
    }

    /** Rows dropped from view so far. */
    public long dropped() {
        return log.droppedProperty().get() + batcher.droppedBeforeView();
    }

    /** Batches delivered to the table so far (for tests and the flood probe). */
    public long batches() {
        return batcher.drainCount();
    }

    // Commands

    @Override
    public void onFrame(FrameEvent e) {
        batcher.offer(FrameRow.of(e));
    }

    @Override
    public void onError(ErrorEvent e) {
        batcher.offer(FrameRow.of(e));
    }

    /** Where a frame carrying IEEE 488.2 blocks is shown (the block viewer). */
    @FunctionalInterface
    public interface BlockViewer {
        /** @param source "frame #12 RX", for the viewer's title */
        void view(String source, byte[] bytes, List<org.streamframer.framing.rules.IeeeBlock> blocks);
    }

    /** Where {@link #openBlock} shows a frame; null: nowhere. */
    public void setBlockViewer(BlockViewer viewer) {
        this.blockViewer = viewer;
    }

    /**
     * The IEEE 488.2 blocks a data frame carries, whole ({@code #<n><length><data>} or
     * {@code #0...}); empty for text, control and error rows and for a frame that is not a
     * well-formed SCPI response (a block cut by a line rule).
     */
    public static List<org.streamframer.framing.rules.IeeeBlock> blocks(FrameRow r) {
        if (r == null || r.kind() != FrameRow.Kind.DATA || r.length() < 2) {
            return List.of();
        }
        try {
            return org.streamframer.framing.rules.ScpiResponseRule.findBlocks(r.bytes(), 0, r.length());
        } catch (IllegalArgumentException notAResponse) {
            return List.of(); // a '#' in text, or a block cut short: nothing the viewer could show
        }
    }

    /** Whether {@link #openBlock} would show {@code r}. */
    public boolean hasBlock(FrameRow r) {
        return !blocks(r).isEmpty();
    }

    /** Opens a frame's first block in the viewer; false when it carries none. */
    public boolean openBlock(FrameRow r) {
        List<org.streamframer.framing.rules.IeeeBlock> found = blocks(r);
        if (found.isEmpty() || blockViewer == null) {
            return false;
        }
        blockViewer.view("frame #" + r.sequence() + " " + r.direction(), r.bytes(), found);
        return true;
    }

    /** Adds a row directly (FX thread), e.g. a TX the console made. */
    public void add(FrameRow row) {
        log.append(List.of(row));
    }

    public void clear() {
        log.clear();
        selected.set(null);
    }

    public void setCap(int n) {
        log.setCap(n);
        cap.set(n);
    }

    public void pauseAutoScroll() {
        autoScroll.set(false);
    }

    public void resumeAutoScroll() {
        autoScroll.set(true);
    }

    /** The rows for the clipboard in the current format: one a line, "time dir len content". */
    public String copy(List<FrameRow> rows) {
        return copyAs(rows, format.get());
    }

    /** The rows for the clipboard in {@code f}. */
    public String copyAs(List<FrameRow> rows, ContentFormat f) {
        StringBuilder sb = new StringBuilder();
        for (FrameRow r : rows) {
            sb.append(time(r.time())).append('\t').append(r.direction()).append('\t').append(r.length()).append('\t')
                    .append(r.content(f)).append('\n');
        }
        return sb.toString();
    }

    /** "14:03:22.417". */
    public static String time(Instant t) {
        return TIME.format(t);
    }

    private void countShown() {
        int n = shown.get().size();
        shownCountText.set(shown.get() == log.items()
                ? String.format(Locale.ROOT, "%,d frame%s", n, n == 1 ? "" : "s")
                : String.format(Locale.ROOT, "%,d of %,d frames match", n, log.items().size()));
    }

    private void refilter() {
        Predicate<FrameRow> p = predicate(filter.get(), format.get());
        if (p == null) {
            shown.set(log.items());
            return;
        }
        FilteredList<FrameRow> f = new FilteredList<>(log.items(), p);
        f.addListener((javafx.collections.ListChangeListener<FrameRow>) c -> countShown());
        shown.set(f);
    }

    static Predicate<FrameRow> predicate(String text, ContentFormat f) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return r -> r.content(f).toLowerCase(Locale.ROOT).contains(needle);
    }
}
