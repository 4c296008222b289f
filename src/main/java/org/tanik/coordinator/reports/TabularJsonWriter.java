package org.tanik.coordinator.reports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.tanik.coordinator.ArchivedTestimony;

/**
 * Both tables of {@link ExportRows} as one JSON object:
 * <pre>{"format":"tanik-export-1","level":"confidential","produced_at":"…","organisation":"…",
 *  "filters":"…","testimonies":[{…}],"acts":[{…}]}</pre>
 * Each row is an object with the same fields, in the same order, as the CSV's columns; values are
 * as they are (JSON is not opened by spreadsheets, so nothing is neutralised).
 *
 * <p>Streams: the testimonies are read twice, once per array, so no table is ever held whole.
 */
public final class TabularJsonWriter implements ExportWriter {

    /** Names this shape; a reader refuses a format it does not know. */
    public static final String FORMAT = "tanik-export-1";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(ExportSource source, OutputStream out) throws IOException {
        ReportContext ctx = source.context();
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("level", ctx.level().code());
            json.writeStringField("produced_at", ctx.producedAt().toString());
            json.writeStringField("organisation", ctx.organisation());
            json.writeStringField("filters", ctx.filters());
            for (TableRows table : new TableRows[] {TableRows.TESTIMONIES, TableRows.ACTS}) {
                json.writeArrayFieldStart(table.code());
                for (ArchivedTestimony t : source.testimonies()) {
                    for (Map<String, String> row : ExportRows.rows(table, t)) {
                        json.writeStartObject();
                        for (Map.Entry<String, String> e : row.entrySet()) {
                            json.writeStringField(e.getKey(), e.getValue());
                        }
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        out.flush();
    }
}
