package org.tanik.coordinator.reports;

import java.io.IOException;
import java.io.OutputStream;
import org.tanik.coordinator.search.Statistics;

/** Writes a statistics report: counts of documented acts, not of violations. */
public interface StatisticsWriter {
    void write(ReportContext context, Statistics stats, OutputStream out) throws IOException;
}
