package org.tanik.coordinator.reports;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * What every writer is told about the export besides its testimonies. Nothing in it is
 * confidential at the chosen level: device labels (which may name a volunteer) are empty below
 * {@link RedactionLevel#FULL}.
 *
 * @param organisation  the organisation's name, for the cover
 * @param producedAt    when the export was made
 * @param level         the redaction level, printed on every page
 * @param filters       a readable summary of the filters ("" for the whole archive)
 * @param auditHead     the audit log's head hash (hex) when the export began
 * @param deviceLabels  device fingerprint to label
 * @param rows          which table a CSV holds
 * @param locale        the language of the file's own words (headings, labels)
 */
public record ReportContext(String organisation, Instant producedAt, RedactionLevel level, String filters,
                            String auditHead, Map<String, String> deviceLabels, TableRows rows, Locale locale) {
    public ReportContext {
        deviceLabels = Map.copyOf(deviceLabels);
    }
}
