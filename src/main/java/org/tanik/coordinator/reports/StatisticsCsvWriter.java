package org.tanik.coordinator.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.tanik.coordinator.search.Statistics;

/**
 * A statistics report as one CSV table {@code dimension,key,count}. The header is the first line
 * (no comment lines, so any CSV reader takes it). Then context rows, whose dimension is
 * {@code context} and whose third cell is text, not a count: the label ("{@value #LABEL}"), the
 * period's {@code from} and {@code to} (empty when open) and the filters;
 * then totals ({@code total}: acts, testimonies, undated), then one row per key of each dimension
 * ({@code type}, {@code province}, {@code month}, {@code institution}), "" for unspecified. The words
 * are English codes whatever the language, as the file is read by programs; the PDF is for people.
 */
public final class StatisticsCsvWriter implements StatisticsWriter {

    /** What every statistics report says of its figures. */
    public static final String LABEL = "counts of documented acts, not of violations";

    private static final CsvMapper CSV = CsvMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(ReportContext context, Statistics stats, OutputStream out) throws IOException {
        try (CsvGenerator csv = (CsvGenerator) CSV.getFactory().createGenerator(out)) {
            csv.setSchema(TabularCsvWriter.schema(List.of("dimension", "key", "count")));
            row(csv, "context", "label", LABEL);
            row(csv, "context", "from", stats.from() == null ? "" : stats.from().toString());
            row(csv, "context", "to", stats.to() == null ? "" : stats.to().toString());
            row(csv, "context", "filters", context.filters());
            row(csv, "total", "acts", Integer.toString(stats.acts()));
            row(csv, "total", "testimonies", Integer.toString(stats.testimonies()));
            row(csv, "total", "undated", Integer.toString(stats.undated()));
            dimension(csv, "type", stats.byType());
            dimension(csv, "province", stats.byProvince());
            dimension(csv, "month", stats.byMonth());
            dimension(csv, "institution", stats.byInstitution());
        }
        out.flush();
    }

    private static void dimension(CsvGenerator csv, String name, Map<?, Integer> counts) throws IOException {
        for (Map.Entry<?, Integer> e : counts.entrySet()) {
            row(csv, name, e.getKey().toString(), e.getValue().toString());
        }
    }

    private static void row(CsvGenerator csv, String dimension, String key, String count) throws IOException {
        csv.writeStartArray();
        csv.writeString(CsvCells.neutralise(dimension));
        csv.writeString(CsvCells.neutralise(key));
        csv.writeString(CsvCells.neutralise(count));
        csv.writeEndArray();
    }
}
