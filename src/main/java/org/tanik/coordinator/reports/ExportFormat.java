package org.tanik.coordinator.reports;

/** What an archive export is written as. */
public enum ExportFormat {
    /** A case dossier per testimony, one PDF. */
    PDF("pdf"),
    /** One table: one row per act or one per testimony ({@link TableRows}); a CSV file holds one table. */
    CSV("csv"),
    /** Both tables of rows, as one JSON document. */
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
