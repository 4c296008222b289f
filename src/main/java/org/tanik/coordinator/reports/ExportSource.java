package org.tanik.coordinator.reports;

import org.tanik.coordinator.ArchivedTestimony;

/**
 * What an {@link ExportWriter} reads: testimonies already allowed by their consent and already
 * redacted, loaded one at a time as the writer iterates (an export of the whole archive never
 * holds it all in memory). Iterating may throw {@link ExportCancelledException} when the person
 * cancels; writers let it pass.
 *
 * @param context     what the export is
 * @param count       how many testimonies the iteration yields
 * @param testimonies the testimonies, in the order of the archive list
 */
public record ExportSource(ReportContext context, int count, Iterable<ArchivedTestimony> testimonies) {
}
