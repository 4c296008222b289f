package org.tanik.coordinator.reports;

import java.nio.file.Path;
import java.util.List;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.coordinator.search.SearchQuery;
import org.tanik.work.Progress;

/**
 * What leaves the archive: listing and reading it, exports at a redaction level, statistics
 * reports. The one place that selects, applies the consent rule, redacts, writes atomically and
 * records the export in the audit log, for the command line and the desktop alike.
 */
public final class ReportDesk {

    /** The same search the archive view uses. */
    public List<ArchiveItem> list(SearchQuery q) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every version of one testimony, with provenance and review history. */
    public ArchivedTestimony show(String id) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Writes an export; one progress step per testimony, cancel between them leaves nothing. */
    public ExportResult export(ExportRequest request, Progress<String> progress) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Writes a statistics report, PDF or CSV by the extension of the request's file. */
    public ExportResult statistics(StatisticsRequest request, Progress<String> progress) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Where the file will be written, as the confirmation shows it (an absolute, normalised path). */
    public String targetDescription(Path out) {
        return out.toAbsolutePath().normalize().toString();
    }
}
