package org.streamframer.app.plot;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes series as CSV, one row per sample, series after series, in arrival order:
 *
 * <pre>
 * series,query,utc,epoch_ms,value,unit,kind,text
 * VDC,MEAS:VOLT:DC?,2026-12-01T09:00:00.100Z,1796115600100,0.00123456,V,VALUE,+1.23456E-03 V
 * VDC,MEAS:VOLT:DC?,2026-12-01T09:00:00.200Z,1796115600200,,,OVERFLOW,9.9E37
 * </pre>
 * {@code value} is empty for samples that were not plotted (overflow, not-a-number, garbage).
 */
public final class CsvExporter {

    /** The header row. */
    public static final List<String> HEADER = List.of("series", "query", "utc", "epoch_ms", "value", "unit", "kind", "text");

    /** One series' name, query and samples. */
    public record SeriesData(String name, String query, List<Sample> samples) {
    }

    private CsvExporter() {
    }

    public static void write(List<SeriesData> series, Writer out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get();
        try (CSVPrinter p = new CSVPrinter(out, format)) {
            for (SeriesData s : series) {
                for (Sample x : s.samples()) {
                    p.printRecord(s.name(), s.query(), x.time().toString(), x.time().toEpochMilli(),
                            x.plotted() ? Double.toString(x.value()) : "", x.unit(), x.kind().name(), x.text());
                }
            }
        }
    }

    public static void write(List<SeriesData> series, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(series, w);
        }
    }
}
