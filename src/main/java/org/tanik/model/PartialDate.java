package org.tanik.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A date known to a given precision, written as "2017-03-14", "2017-03", "2017" or "" (unknown).
 * Sources often remember only the month or the year of an arrest.
 */
public record PartialDate(DatePrecision precision, int year, int month, int day) {

    public static final PartialDate UNKNOWN = new PartialDate(DatePrecision.UNKNOWN, 0, 0, 0);

    public PartialDate {
        if (precision == null) {
            throw new IllegalArgumentException("precision");
        }
        try {
            switch (precision) {
                case EXACT -> LocalDate.of(year, month, day);
                case MONTH -> YearMonth.of(year, month);
                case YEAR -> YearMonth.of(year, 1);
                case UNKNOWN -> {
                    year = 0;
                    month = 0;
                    day = 0;
                }
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Not a valid date");
        }
    }

    public static PartialDate exact(LocalDate d) {
        return new PartialDate(DatePrecision.EXACT, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    public static PartialDate month(int year, int month) {
        return new PartialDate(DatePrecision.MONTH, year, month, 0);
    }

    public static PartialDate year(int year) {
        return new PartialDate(DatePrecision.YEAR, year, 0, 0);
    }

    /** Parses the textual form; a blank string is an unknown date. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PartialDate parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String t = text.strip();
        try {
            return switch (t.length()) {
                case 4 -> year(Integer.parseInt(t));
                case 7 -> {
                    YearMonth ym = YearMonth.parse(t);
                    yield month(ym.getYear(), ym.getMonthValue());
                }
                case 10 -> exact(LocalDate.parse(t));
                default -> throw new IllegalArgumentException("Not a date: expected YYYY, YYYY-MM or YYYY-MM-DD");
            };
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a date: expected YYYY, YYYY-MM or YYYY-MM-DD");
        }
    }

    /** The earliest day this date could mean, for sorting and range filters. */
    public Optional<LocalDate> earliest() {
        return switch (precision) {
            case EXACT -> Optional.of(LocalDate.of(year, month, day));
            case MONTH -> Optional.of(LocalDate.of(year, month, 1));
            case YEAR -> Optional.of(LocalDate.of(year, 1, 1));
            case UNKNOWN -> Optional.empty();
        };
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (precision) {
            case EXACT -> String.format("%04d-%02d-%02d", year, month, day);
            case MONTH -> String.format("%04d-%02d", year, month);
            case YEAR -> String.format("%04d", year);
            case UNKNOWN -> "";
        };
    }
}
