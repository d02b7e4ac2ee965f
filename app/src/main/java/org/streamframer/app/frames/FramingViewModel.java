package org.streamframer.app.frames;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import org.streamframer.framing.FrameRule;

/**
 * The framing picker: a preset and its parameters as the user types them, validated on every
 * keystroke. Each bad field has its reason in {@link #errors()} (the View marks the field with
 * it); {@link #apply()} does nothing unless everything is valid. Choosing a preset applies it at
 * once when its parameters are valid; edited parameters apply with {@link #apply()}.
 */
public final class FramingViewModel {

    private final Function<RuleSpec, FrameRule> factory;
    private final BiConsumer<RuleSpec, FrameRule> onApply;

    // Properties
    private final ObjectProperty<RuleKind> kind = new SimpleObjectProperty<>(this, "kind", RuleKind.LF);
    private final StringProperty maxLength = new SimpleStringProperty(this, "maxLength");
    private final StringProperty delimiter = new SimpleStringProperty(this, "delimiter");
    private final BooleanProperty delimiterHex = new SimpleBooleanProperty(this, "delimiterHex");
    private final BooleanProperty keepDelimiter = new SimpleBooleanProperty(this, "keepDelimiter");
    private final StringProperty fixedLength = new SimpleStringProperty(this, "fixedLength");
    private final StringProperty fieldOffset = new SimpleStringProperty(this, "fieldOffset");
    private final StringProperty fieldSize = new SimpleStringProperty(this, "fieldSize");
    private final BooleanProperty littleEndian = new SimpleBooleanProperty(this, "littleEndian");
    private final StringProperty adjustment = new SimpleStringProperty(this, "adjustment");
    private final StringProperty strip = new SimpleStringProperty(this, "strip");
    private final StringProperty idleGap = new SimpleStringProperty(this, "idleGap");
    private final StringProperty scpiTerminator = new SimpleStringProperty(this, "scpiTerminator", "LF");

    private final ObservableMap<RuleField, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper ruleError = new ReadOnlyStringWrapper(this, "ruleError");
    private final ReadOnlyObjectWrapper<RuleSpec> applied = new ReadOnlyObjectWrapper<>(this, "applied");
    private final ReadOnlyObjectWrapper<RuleSpec> edited = new ReadOnlyObjectWrapper<>(this, "edited");
    private final BooleanBinding valid;
    private final BooleanBinding dirty;
    private FrameRule editedRule;
    private boolean loading;

    /**
     * @param factory builds the rule of a spec (throws {@link IllegalArgumentException} if the
     *                library refuses the parameters)
     * @param onApply told of each applied spec and its rule
     */
    public FramingViewModel(Function<RuleSpec, FrameRule> factory, BiConsumer<RuleSpec, FrameRule> onApply) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.onApply = Objects.requireNonNull(onApply, "onApply");
        valid = Bindings.createBooleanBinding(() -> edited.get() != null, edited);
        dirty = Bindings.createBooleanBinding(() -> edited.get() != null && !edited.get().equals(applied.get()),
                edited, applied);
        load(RuleSpec.defaults(RuleKind.LF));
        for (ObservableValue<?> p : new ObservableValue<?>[] {maxLength, delimiter, delimiterHex, keepDelimiter,
                fixedLength, fieldOffset, fieldSize, littleEndian, adjustment, strip, idleGap, scpiTerminator}) {
            p.addListener((o, a, b) -> revalidate());
        }
        kind.addListener((o, a, b) -> {
            revalidate();
            if (!loading && valid.get()) {
                apply();
            }
        });
    }

    public ObjectProperty<RuleKind> kindProperty() {
        return kind;
    }

    public StringProperty maxLengthProperty() {
        return maxLength;
    }

    public StringProperty delimiterProperty() {
        return delimiter;
    }

    public BooleanProperty delimiterHexProperty() {
        return delimiterHex;
    }

    public BooleanProperty keepDelimiterProperty() {
        return keepDelimiter;
    }

    public StringProperty fixedLengthProperty() {
        return fixedLength;
    }

    public StringProperty fieldOffsetProperty() {
        return fieldOffset;
    }

    public StringProperty fieldSizeProperty() {
        return fieldSize;
    }

    public BooleanProperty littleEndianProperty() {
        return littleEndian;
    }

    public StringProperty adjustmentProperty() {
        return adjustment;
    }

    public StringProperty stripProperty() {
        return strip;
    }

    public StringProperty idleGapProperty() {
        return idleGap;
    }

    /** "LF", "CRLF" or "CR". */
    public StringProperty scpiTerminatorProperty() {
        return scpiTerminator;
    }

    /** The reason each bad field is bad; empty when all are good. */
    public ObservableMap<RuleField, String> errors() {
        return errors;
    }

    /** Set when every field is fine but the framing library refused the combination. */
    public ReadOnlyStringProperty ruleErrorProperty() {
        return ruleError.getReadOnlyProperty();
    }

    /** The spec in force (last applied), or null before the first apply. */
    public ReadOnlyObjectProperty<RuleSpec> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    /** The spec the fields describe now, or null while any field is bad. */
    public ReadOnlyObjectProperty<RuleSpec> editedProperty() {
        return edited.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Valid and different from what is applied. */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    // Commands

    /** Fills every field from {@code spec} without applying it (e.g. from a profile). */
    public void load(RuleSpec spec) {
        loading = true;
        try {
            maxLength.set(Integer.toString(spec.maxLength()));
            delimiter.set(spec.delimiter());
            delimiterHex.set(spec.delimiterHex());
            keepDelimiter.set(spec.keepDelimiter());
            fixedLength.set(Integer.toString(spec.fixedLength()));
            fieldOffset.set(Integer.toString(spec.fieldOffset()));
            fieldSize.set(Integer.toString(spec.fieldSize()));
            littleEndian.set(spec.littleEndian());
            adjustment.set(Integer.toString(spec.adjustment()));
            strip.set(Integer.toString(spec.strip()));
            idleGap.set(Integer.toString(spec.idleGapMillis()));
            scpiTerminator.set(spec.scpiTerminator());
            kind.set(spec.kind());
        } finally {
            loading = false;
        }
        revalidate();
    }

    /** Fills every field from {@code spec} and records it as applied (it is already in force). */
    public void show(RuleSpec spec) {
        if (spec == null) {
            return;
        }
        load(spec);
        if (spec.equals(edited.get())) {
            applied.set(spec);
        }
    }

    /** Chooses a preset; applies it at once if its parameters are valid. */
    public void choose(RuleKind k) {
        kind.set(k);
    }

    /** Applies the edited spec; returns false (and changes nothing) while any field is bad. */
    public boolean apply() {
        RuleSpec spec = edited.get();
        if (spec == null) {
            return false;
        }
        applied.set(spec);
        onApply.accept(spec, editedRule);
        return true;
    }

    private void revalidate() {
        if (loading) {
            return;
        }
        RuleKind k = kind.get();
        Map<RuleField, String> bad = new java.util.EnumMap<>(RuleField.class);
        int max = k.uses(RuleField.MAX_LENGTH) ? integer(bad, RuleField.MAX_LENGTH, maxLength.get(), 1,
                RuleSpec.MAX_FRAME) : parseOr(maxLength.get(), RuleSpec.DEFAULT_MAX);
        int fixed = k.uses(RuleField.FIXED_LENGTH) ? integer(bad, RuleField.FIXED_LENGTH, fixedLength.get(), 1,
                RuleSpec.MAX_FRAME) : parseOr(fixedLength.get(), 16);
        int offset = k.uses(RuleField.FIELD_OFFSET) ? integer(bad, RuleField.FIELD_OFFSET, fieldOffset.get(), 0,
                65535) : parseOr(fieldOffset.get(), 0);
        int size = k.uses(RuleField.FIELD_SIZE) ? integer(bad, RuleField.FIELD_SIZE, fieldSize.get(), 1, 8)
                : parseOr(fieldSize.get(), 2);
        if (k.uses(RuleField.FIELD_SIZE) && !bad.containsKey(RuleField.FIELD_SIZE)
                && size != 1 && size != 2 && size != 3 && size != 4 && size != 8) {
            bad.put(RuleField.FIELD_SIZE, "must be 1, 2, 3, 4 or 8 bytes (got " + size + ")");
        }
        int adjust = k.uses(RuleField.ADJUSTMENT) ? integer(bad, RuleField.ADJUSTMENT, adjustment.get(), -65536,
                65536) : parseOr(adjustment.get(), 0);
        int stripN = k.uses(RuleField.STRIP) ? integer(bad, RuleField.STRIP, strip.get(), 0, 65535)
                : parseOr(strip.get(), 0);
        int gap = k.uses(RuleField.IDLE_GAP) ? integer(bad, RuleField.IDLE_GAP, idleGap.get(), 1, 60_000)
                : parseOr(idleGap.get(), 50);
        if (k.uses(RuleField.DELIMITER)) {
            try {
                byte[] d = delimiterBytes(delimiter.get(), delimiterHex.get());
                if (d.length == 0) {
                    bad.put(RuleField.DELIMITER, "must not be empty");
                } else if (d.length > 64) {
                    bad.put(RuleField.DELIMITER, "at most 64 bytes (got " + d.length + ")");
                }
            } catch (IllegalArgumentException e) {
                bad.put(RuleField.DELIMITER, e.getMessage());
            }
        }
        if (k.uses(RuleField.SCPI_TERMINATOR) && !java.util.List.of("LF", "CRLF", "CR").contains(scpiTerminator.get())) {
            bad.put(RuleField.SCPI_TERMINATOR, "must be LF, CRLF or CR (got " + scpiTerminator.get() + ")");
        }
        errors.keySet().retainAll(bad.keySet());
        errors.putAll(bad);
        if (!bad.isEmpty()) {
            ruleError.set(null);
            editedRule = null;
            edited.set(null);
            return;
        }
        RuleSpec spec = new RuleSpec(k, max, delimiter.get(), delimiterHex.get(), keepDelimiter.get(), fixed, offset,
                size, littleEndian.get(), adjust, stripN, gap, scpiTerminator.get());
        try {
            editedRule = factory.apply(spec);
            ruleError.set(null);
            edited.set(spec);
        } catch (IllegalArgumentException e) {
            ruleError.set(e.getMessage());
            editedRule = null;
            edited.set(null);
        }
    }

    /** The delimiter's bytes from its text (escapes) or hex form. */
    public static byte[] delimiterBytes(String text, boolean hex) {
        String t = text == null ? "" : text;
        return hex ? Escapes.parseHex(t) : Escapes.unescape(t);
    }

    private static int integer(Map<RuleField, String> bad, RuleField f, String text, int min, int max) {
        String t = text == null ? "" : text.strip().replace("_", "");
        if (t.isEmpty()) {
            bad.put(f, "is required (" + min + " to " + max + ")");
            return min;
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            bad.put(f, "must be a whole number from " + min + " to " + max + " (got '" + text.strip() + "')");
            return min;
        }
        if (v < min || v > max) {
            bad.put(f, "must be from " + min + " to " + max + " (got " + v + ")");
            return min;
        }
        return (int) v;
    }

    private static int parseOr(String text, int fallback) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
