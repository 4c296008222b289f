package org.tanik.coordinator.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.tanik.coordinator.search.SearchQuery;

/**
 * A statistics report as a face asks for it: PDF or CSV by the extension of {@code out}.
 *
 * @param filters which testimonies count (the archive view's search)
 * @param from    the first day of the period whose acts are counted, or null for no bound
 * @param to      the last day of that period, or null for no bound
 * @param out     the file the person named, ending in .pdf or .csv
 * @param locale  the language of the file's own words
 * @param replace an existing file at {@code out} may be replaced (the person was asked about that very file)
 */
public record StatisticsRequest(SearchQuery filters, LocalDate from, LocalDate to, Path out, Locale locale,
                                boolean replace) {

    /** A request that never replaces an existing file. */
    public StatisticsRequest(SearchQuery filters, LocalDate from, LocalDate to, Path out, Locale locale) {
        this(filters, from, to, out, locale, false);
    }
}
