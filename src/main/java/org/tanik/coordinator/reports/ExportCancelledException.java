package org.tanik.coordinator.reports;

/** The person cancelled an export; nothing was written. Carries no content. */
public final class ExportCancelledException extends RuntimeException {
    public ExportCancelledException() {
        super("export cancelled", null, false, false);
    }
}
