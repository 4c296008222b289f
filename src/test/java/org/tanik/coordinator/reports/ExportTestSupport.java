package org.tanik.coordinator.reports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tanik.coordinator.ArchivedTestimony;

/** Runs a writer the way ReportDesk will: redacted testimonies in, bytes out; and reads CSV back. */
final class ExportTestSupport {

    private ExportTestSupport() {
    }

    static ReportContext context(RedactionLevel level, TableRows rows) {
        return new ReportContext("Org", ReportFixtures.NOW, level, "type=detention", "ab".repeat(32), Map.of(), rows,
                Locale.ENGLISH);
    }

    static byte[] export(ExportWriter writer, RedactionLevel level, TableRows rows, List<ArchivedTestimony> testimonies)
            throws IOException {
        Redaction redaction = Redaction.of(level);
        List<ArchivedTestimony> redacted = testimonies.stream().map(redaction::apply).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(new ExportSource(context(level, rows), redacted.size(), redacted), out);
        return out.toByteArray();
    }

    /** Every line of a CSV, header first, as an independent parser reads it. */
    static List<List<String>> parseCsv(byte[] csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> out = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class)
                .readValues(new String(csv, StandardCharsets.UTF_8))) {
            while (it.hasNext()) {
                out.add(List.of(it.next()));
            }
        }
        return out;
    }

    /** The cell of a column in a data row (1 = the first row after the header). */
    static String cell(List<List<String>> table, int row, String column) {
        int c = table.get(0).indexOf(column);
        if (c < 0) {
            throw new AssertionError("no column " + column);
        }
        return table.get(row).get(c);
    }
}
