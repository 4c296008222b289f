package org.tanik.coordinator.reports;

/**
 * The one rule that keeps a CSV cell from being executed by a spreadsheet (CSV injection): a cell
 * whose first character is {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * is a formula to Excel, LibreOffice and Google Sheets, so it is written with a leading apostrophe,
 * which they show as text and do not run. Quoting (the CSV writer's job) is not enough: a quoted
 * {@code "=HYPERLINK(...)"} still runs.
 *
 * <p>Every cell a tabular writer puts in a CSV goes through {@link #neutralise}; JSON is not read by
 * spreadsheets and carries values as they are.
 */
public final class CsvCells {

    /** What is put before a cell a spreadsheet would execute. */
    public static final char PREFIX = '\'';

    private CsvCells() {
    }

    /** The cell as written: unchanged, or with {@link #PREFIX} before it when it would be executed. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        return executable(cell.charAt(0)) ? PREFIX + cell : cell;
    }

    /** Whether a cell starting with this character is a formula (or starts one) in a spreadsheet. */
    public static boolean executable(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
