package org.tanik.coordinator.reports;

/** Which rows a CSV export holds: a CSV file is one table. JSON holds both. */
public enum TableRows {
    /** One row per testimony (its latest version): the shape HURIDOCS Uwazi imports as entities. */
    TESTIMONIES("testimonies"),
    /** One row per act: the unit that statistics count. */
    ACTS("acts");

    private final String code;

    TableRows(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static TableRows of(String code) {
        for (TableRows r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rows");
    }
}
