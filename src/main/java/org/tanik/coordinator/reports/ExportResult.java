package org.tanik.coordinator.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param file             the file written (null when cancelled)
 * @param sha256           its SHA-256, hex ("" when cancelled); also in the audit log
 * @param bytes            its size
 * @param testimonies      how many testimonies it holds
 * @param acts             how many acts they hold (for statistics: the acts counted)
 * @param leftOutByConsent ids that matched but whose consent does not allow this use: said, never silent
 * @param cancelled        the person cancelled: nothing was written and the target is untouched
 */
public record ExportResult(Path file, String sha256, long bytes, int testimonies, int acts,
                           List<String> leftOutByConsent, boolean cancelled) {
    public ExportResult {
        leftOutByConsent = List.copyOf(leftOutByConsent);
    }
}
