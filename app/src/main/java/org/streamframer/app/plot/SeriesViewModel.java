package org.streamframer.app.plot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One polled series as the screen sees it: its samples (capped, oldest dropped first) and
 * its statistics. All methods are called on the FX thread (in tests: the test thread).
 *
 * <p>min / max / mean / last are over every plotted value since the last {@link #clear()},
 * also values already dropped by the cap; {@link Double#NaN} while there is none. The
 * {@code shown*} statistics are over the samples held in the time range the chart shows
 * ({@link #showRange}), recomputed when the range moves or a sample arrives (at most
 * {@link #maxSamples()} samples a time).
 */
public final class SeriesViewModel {

    private final SeriesSpec spec;
    private final int maxSamples;
    private final ObservableList<Sample> samples = FXCollections.observableArrayList();
    private final ObservableList<Sample> samplesView = FXCollections.unmodifiableObservableList(samples);
    private double sum;

    // Properties
    private final ReadOnlyDoubleWrapper last = new ReadOnlyDoubleWrapper(this, "last", Double.NaN);
    private final ReadOnlyDoubleWrapper min = new ReadOnlyDoubleWrapper(this, "min", Double.NaN);
    private final ReadOnlyDoubleWrapper max = new ReadOnlyDoubleWrapper(this, "max", Double.NaN);
    private final ReadOnlyDoubleWrapper mean = new ReadOnlyDoubleWrapper(this, "mean", Double.NaN);
    private final ReadOnlyDoubleWrapper shownMin = new ReadOnlyDoubleWrapper(this, "shownMin", Double.NaN);
    private final ReadOnlyDoubleWrapper shownMax = new ReadOnlyDoubleWrapper(this, "shownMax", Double.NaN);
    private final ReadOnlyDoubleWrapper shownMean = new ReadOnlyDoubleWrapper(this, "shownMean", Double.NaN);
    private final ReadOnlyLongWrapper shownValues = new ReadOnlyLongWrapper(this, "shownValues");
    /** The chart's time range; null = all held samples. */
    private TimeRange range;
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper(this, "unit", "");
    private final ReadOnlyLongWrapper values = new ReadOnlyLongWrapper(this, "values");
    private final ReadOnlyLongWrapper overflows = new ReadOnlyLongWrapper(this, "overflows");
    private final ReadOnlyLongWrapper notANumbers = new ReadOnlyLongWrapper(this, "notANumbers");
    private final ReadOnlyLongWrapper garbage = new ReadOnlyLongWrapper(this, "garbage");
    private final ReadOnlyLongWrapper timeouts = new ReadOnlyLongWrapper(this, "timeouts");
    private final ReadOnlyLongWrapper failures = new ReadOnlyLongWrapper(this, "failures");
    private final ReadOnlyLongWrapper skips = new ReadOnlyLongWrapper(this, "skips");
    private final ReadOnlyStringWrapper lastProblem = new ReadOnlyStringWrapper(this, "lastProblem", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final javafx.beans.property.BooleanProperty visible =
            new javafx.beans.property.SimpleBooleanProperty(this, "visible", true);

    private final javafx.beans.binding.StringBinding sinceClearText;
    private final javafx.beans.binding.StringBinding problemsText;

    public SeriesViewModel(SeriesSpec spec, int maxSamples) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples (" + maxSamples + ") must be at least 1");
        }
        this.maxSamples = maxSamples;
        sinceClearText = javafx.beans.binding.Bindings.createStringBinding(() -> values.get() == 0 ? ""
                : number(min.get()) + " to " + number(max.get()) + ", mean " + number(mean.get()), values, min, max,
                mean);
        problemsText = javafx.beans.binding.Bindings.createStringBinding(this::problems, garbage, overflows,
                notANumbers, timeouts, failures, skips);
    }

    /** A value as the table shows it: 6 significant digits ("1.23457", "9.90000e+37"); "" for NaN. */
    public static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    private String problems() {
        StringBuilder sb = new StringBuilder();
        count(sb, garbage.get(), "not a number", "not numbers");
        count(sb, overflows.get(), "overflow", "overflows");
        count(sb, notANumbers.get(), "NaN", "NaNs");
        count(sb, timeouts.get(), "timeout", "timeouts");
        count(sb, failures.get(), "failed", "failed");
        count(sb, skips.get(), "skipped tick", "skipped ticks");
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static void count(StringBuilder sb, long n, String one, String many) {
        if (n > 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(n == 1 ? one : many);
        }
    }

    public SeriesSpec spec() {
        return spec;
    }

    public int maxSamples() {
        return maxSamples;
    }

    /** Samples in arrival order, at most {@link #maxSamples()}. */
    public ObservableList<Sample> samples() {
        return samplesView;
    }

    public ReadOnlyDoubleProperty lastProperty() { return last.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty minProperty() { return min.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty maxProperty() { return max.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty meanProperty() { return mean.getReadOnlyProperty(); }
    /** Smallest plotted value in the shown time range ({@link #showRange}); NaN when none. */
    public ReadOnlyDoubleProperty shownMinProperty() { return shownMin.getReadOnlyProperty(); }
    /** Largest plotted value in the shown time range; NaN when none. */
    public ReadOnlyDoubleProperty shownMaxProperty() { return shownMax.getReadOnlyProperty(); }
    /** Mean of the plotted values in the shown time range; NaN when none. */
    public ReadOnlyDoubleProperty shownMeanProperty() { return shownMean.getReadOnlyProperty(); }
    /** min, max and mean since the last clear in one line: "1.20000 to 1.30000, mean 1.25000"; "" when none. */
    public javafx.beans.binding.StringBinding sinceClearTextProperty() { return sinceClearText; }
    /** The counted answers that were not plotted values, in words: "3 not numbers, 1 timeout"; "none". */
    public javafx.beans.binding.StringBinding problemsTextProperty() { return problemsText; }
    /** Plotted values in the shown time range. */
    public ReadOnlyLongProperty shownValuesProperty() { return shownValues.getReadOnlyProperty(); }
    public ReadOnlyStringProperty unitProperty() { return unit.getReadOnlyProperty(); }
    /** Plotted values since the last clear. */
    public ReadOnlyLongProperty valuesProperty() { return values.getReadOnlyProperty(); }
    public ReadOnlyLongProperty overflowsProperty() { return overflows.getReadOnlyProperty(); }
    public ReadOnlyLongProperty notANumbersProperty() { return notANumbers.getReadOnlyProperty(); }
    /** Answers that were not numbers. */
    public ReadOnlyLongProperty garbageProperty() { return garbage.getReadOnlyProperty(); }
    public ReadOnlyLongProperty timeoutsProperty() { return timeouts.getReadOnlyProperty(); }
    public ReadOnlyLongProperty failuresProperty() { return failures.getReadOnlyProperty(); }
    /** Ticks skipped because the previous query was still outstanding. */
    public ReadOnlyLongProperty skipsProperty() { return skips.getReadOnlyProperty(); }
    /** The latest thing that was not a plotted value, in words ("" when none). */
    public ReadOnlyStringProperty lastProblemProperty() { return lastProblem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Whether the chart shows this series (hidden ones still poll; the y axis fits the shown ones). */
    public javafx.beans.property.BooleanProperty visibleProperty() { return visible; }

    /** The newest sample's time, or null. */
    public Instant latestTime() {
        return samples.isEmpty() ? null : samples.get(samples.size() - 1).time();
    }

    // Commands

    /** Takes one poll outcome into the series. */
    public void accept(PollOutcome o) {
        if (o instanceof PollOutcome.Answered a) {
            add(Sample.of(a.time(), a.text(), a.reading()));
        } else if (o instanceof PollOutcome.TimedOut t) {
            timeouts.set(timeouts.get() + 1);
            lastProblem.set("timed out after " + t.timeout().toMillis() + " ms: " + t.error().getMessage());
        } else if (o instanceof PollOutcome.Failed f) {
            failures.set(failures.get() + 1);
            lastProblem.set("failed: " + f.error().getMessage());
        } else if (o instanceof PollOutcome.Skipped) {
            skips.set(skips.get() + 1);
        }
    }

    /** The statistics of the {@code shown*} properties cover {@code r} from now on; null = all held samples. */
    public void showRange(TimeRange r) {
        if (!Objects.equals(r, range)) {
            range = r;
            recomputeShown();
        }
    }

    /** Forgets all samples, statistics and counters. */
    public void clear() {
        samples.clear();
        recomputeShown();
        sum = 0;
        last.set(Double.NaN);
        min.set(Double.NaN);
        max.set(Double.NaN);
        mean.set(Double.NaN);
        for (ReadOnlyLongWrapper c : List.of(values, overflows, notANumbers, garbage, timeouts, failures, skips)) {
            c.set(0);
        }
        lastProblem.set("");
    }

    void setRunning(boolean r) {
        running.set(r);
    }

    /** A copy of the samples (for export off the FX thread). */
    public List<Sample> snapshot() {
        return new ArrayList<>(samples);
    }

    private void add(Sample s) {
        if (samples.size() >= maxSamples) {
            samples.remove(0, samples.size() - maxSamples + 1);
        }
        samples.add(s);
        switch (s.kind()) {
            case VALUE -> addValue(s);
            case OVERFLOW -> {
                overflows.set(overflows.get() + 1);
                lastProblem.set("overflow (" + s.text() + ")");
            }
            case NOT_A_NUMBER -> {
                notANumbers.set(notANumbers.get() + 1);
                lastProblem.set("not a number (" + s.text() + ")");
            }
            case GARBAGE -> {
                garbage.set(garbage.get() + 1);
                lastProblem.set("not a number: \"" + abbreviate(s.text()) + "\"");
            }
        }
        recomputeShown();
    }

    private void recomputeShown() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double total = 0;
        long n = 0;
        for (int i = 0, size = samples.size(); i < size; i++) {
            Sample x = samples.get(i);
            if (x.kind() == Sample.Kind.VALUE && (range == null || range.contains(x.time()))) {
                double v = x.value();
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                total += v;
                n++;
            }
        }
        shownValues.set(n);
        shownMin.set(n == 0 ? Double.NaN : lo);
        shownMax.set(n == 0 ? Double.NaN : hi);
        shownMean.set(n == 0 ? Double.NaN : total / n);
    }

    private void addValue(Sample s) {
        double v = s.value();
        long n = values.get() + 1;
        sum += v;
        values.set(n);
        last.set(v);
        min.set(n == 1 ? v : Math.min(min.get(), v));
        max.set(n == 1 ? v : Math.max(max.get(), v));
        mean.set(sum / n);
        unit.set(s.unit());
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
