package org.tanik.model.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 UTC in its one canonical spelling, as {@link Instant#toString()} writes it: the bundle
 * format's rule for every instant in a manifest or a record. The rule itself is {@link #byFormatter}
 * (parse, re-print, compare); {@link #parse} reads the spellings written for the years 0000 to 9999
 * ("2024-05-14T09:30:00Z", with a fraction of 3, 6 or 9 digits when the nanoseconds need them) from
 * their digits instead, since parsing and re-printing takes over a microsecond, three times per
 * record, and reading the digits a few dozen nanoseconds. Anything else is handed to the rule itself,
 * so the answer is always the rule's (CanonicalInstantTest).
 */
public final class CanonicalInstant {

    private CanonicalInstant() {
    }

    /** The instant if {@code s} is its one canonical spelling, else null; s must not be null. */
    public static Instant parse(String s) {
        Instant fast = digits(s);
        return fast != null ? fast : byFormatter(s);
    }

    /** The rule as written: what java.time parses and prints back unchanged. */
    static Instant byFormatter(String s) {
        try {
            Instant t = Instant.parse(s);
            return t.toString().equals(s) ? t : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** yyyy-MM-ddTHH:mm:ss[.SSS|.SSSSSS|.SSSSSSSSS]Z with fields in range, or null (not necessarily invalid). */
    private static Instant digits(String s) {
        int n = s.length();
        if ((n != 20 && n != 24 && n != 27 && n != 30) || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z'
                || (n > 20 && s.charAt(19) != '.')) {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 7);
        int day = number(s, 8, 10);
        int hour = number(s, 11, 13);
        int minute = number(s, 14, 16);
        int second = number(s, 17, 19);
        int fraction = n == 20 ? 0 : number(s, 20, n - 1);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) {
            return null;
        }
        int nano = switch (n) {
            case 24 -> fraction * 1_000_000;
            case 27 -> fraction * 1_000;
            default -> fraction;
        };
        // Instant.toString writes no fraction for 0, else 3, 6 or 9 digits: the fewest that hold it.
        int canonicalLength = nano == 0 ? 20 : nano % 1_000_000 == 0 ? 24 : nano % 1_000 == 0 ? 27 : 30;
        if (n != canonicalLength) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // 2023-02-29, 24:00, a leap second 23:59:60
        }
    }

    /** The decimal value of s[from, to), or -1 unless every character there is an ASCII digit. */
    static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
