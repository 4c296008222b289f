package org.tanik.coordinator.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.tanik.coordinator.ArchivedTestimony;

/**
 * One table of {@link ExportRows} as CSV (RFC 4180: UTF-8 without a byte-order mark, a header
 * row, CRLF line ends, quotes where needed): the testimonies or the acts, as the
 * {@link ReportContext#rows()} says. Every cell is {@linkplain CsvCells#neutralise neutralised}.
 * Rows are written as each testimony is read; nothing is held for the whole file.
 */
public final class TabularCsvWriter implements ExportWriter {

    private static final CsvMapper CSV = CsvMapper.builder()
            // The writer does not close the stream it is given: the caller fsyncs and closes it.
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(ExportSource source, OutputStream out) throws IOException {
        TableRows table = source.context().rows() == null ? TableRows.ACTS : source.context().rows();
        List<String> columns = ExportRows.columns(table);
        try (CsvGenerator csv = (CsvGenerator) CSV.getFactory().createGenerator(out)) {
            csv.setSchema(schema(columns));
            for (ArchivedTestimony t : source.testimonies()) {
                for (Map<String, String> row : ExportRows.rows(table, t)) {
                    csv.writeStartArray();
                    for (String column : columns) {
                        csv.writeString(CsvCells.neutralise(row.get(column)));
                    }
                    csv.writeEndArray();
                }
            }
        }
        out.flush();
    }

    /** The schema of a table: its columns as a header, CRLF between lines. */
    static CsvSchema schema(List<String> columns) {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        columns.forEach(b::addColumn);
        return b.build();
    }
}
