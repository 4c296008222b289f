package org.tanik.coordinator.reports;

/** What an archive export is written as. */
public enum ExportFormat {
    /** A case dossier per testimony, one PDF. */
    PDF("pdf"),
    /** One row per act and one per testimony (two tables in one file; see tabular export). */
    CSV("csv"),
    /** The same rows as CSV, as JSON. */
    JSON("json");

    private final String code;

    ExportFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ExportFormat of(String code) {
        for (ExportFormat f : values()) {
            if (f.code.equals(code)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown export format");
    }
}
