package org.tanik.coordinator.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tanik.coordinator.search.SearchQuery;

/**
 * One archive export as a face asks for it.
 *
 * @param format  what the file is written as
 * @param level   how much of each testimony the file keeps
 * @param filters the archive view's search; {@link SearchQuery#all()} for everything
 * @param ids     testimonies chosen by id (intersected with the filters); empty means every match
 * @param rows    which table a CSV holds (JSON holds both, a PDF neither)
 * @param out     the file the person named
 * @param locale  the language of the file's own words
 * @param replace an existing file at {@code out} may be replaced (the person was asked); otherwise an
 *                existing file, even one that appeared while the export ran, is refused
 */
public record ExportRequest(ExportFormat format, RedactionLevel level, SearchQuery filters, List<String> ids,
                            TableRows rows, Path out, Locale locale, boolean replace) {
    public ExportRequest {
        ids = List.copyOf(ids);
    }

    /** A request that never replaces an existing file. */
    public ExportRequest(ExportFormat format, RedactionLevel level, SearchQuery filters, List<String> ids,
                         TableRows rows, Path out, Locale locale) {
        this(format, level, filters, ids, rows, out, locale, false);
    }
}
