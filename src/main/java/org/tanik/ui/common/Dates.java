package org.tanik.ui.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import javafx.util.StringConverter;
import org.tanik.model.PartialDate;

/**
 * The one way the desktop shows dates and times, per language: a day as the language writes it
 * (en "Mar 14, 2017", tr "14 Mar 2017"), a moment as that day plus the local time, a date known
 * only to the month or year with just that much. Every screen, dialog and date field uses this,
 * so "14 Mar 2017" never stands beside "2016-09-20".
 */
public final class Dates {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter day;
    private final DateTimeFormatter moment;
    private final DateTimeFormatter momentSeconds;
    private final DateTimeFormatter clock;
    private final DateTimeFormatter month;

    public Dates(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.moment = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone);
        this.momentSeconds = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                .withLocale(locale).withZone(zone);
        this.clock = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        // "LLLL" is the month's name standing alone ("März", "Mart"), as a month with a year is written.
        this.month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
    }

    /**
     * Without the invisible direction marks the JDK puts in some languages' patterns (Arabic's
     * right-to-left mark): JavaFX draws them as empty boxes, and the scene's orientation already
     * places the date.
     */
    static String plain(String formatted) {
        return formatted.replaceAll("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]", "");
    }

    public Locale locale() {
        return locale;
    }

    /** The time zone dates are shown in (a day picked on screen is that day here). */
    public ZoneId zone() {
        return zone;
    }

    /** A calendar day. */
    public String date(LocalDate d) {
        return plain(day.format(d));
    }

    /** The calendar day on which a moment fell, here. */
    public String date(Instant t) {
        return plain(day.format(t.atZone(zone)));
    }

    /** A moment: its day and its time of day, here. */
    public String time(Instant t) {
        return plain(moment.format(t));
    }

    /** A moment to the second (the audit log, where order within a minute matters). */
    public String timeWithSeconds(Instant t) {
        return plain(momentSeconds.format(t));
    }

    /** Only the time of day, as the language writes it ("2:32 PM", "14:32"). */
    public String clock(Instant t) {
        return plain(clock.format(t));
    }

    /** A date known to some precision; {@code unknown} is what to say when it is not known at all. */
    public String partial(PartialDate d, String unknown) {
        return switch (d.precision()) {
            case EXACT -> date(LocalDate.of(d.year(), d.month(), d.day()));
            case MONTH -> plain(month.format(YearMonth.of(d.year(), d.month())));
            case YEAR -> Integer.toString(d.year());
            case UNKNOWN -> unknown;
        };
    }

    /**
     * For date fields: shows a day in the same format as everywhere else, and reads it back, or the
     * language's short numeric form, or ISO (2017-03-14), since those are quicker to type.
     */
    public StringConverter<LocalDate> converter() {
        // The short form as the language writes it ("3/14/17", "14.03.2017"), also with a four-digit year.
        // Read without direction marks, as they are shown (plain).
        String shortForm = plain(DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale));
        String mediumForm = plain(DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM, null,
                IsoChronology.INSTANCE, locale));
        List<DateTimeFormatter> readers = List.of(DateTimeFormatter.ofPattern(mediumForm, locale),
                DateTimeFormatter.ofPattern(shortForm, locale),
                DateTimeFormatter.ofPattern(shortForm.replace("yyyy", "y").replace("yy", "y"), locale),
                DateTimeFormatter.ISO_LOCAL_DATE);
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : date(d);
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                DateTimeParseException last = null;
                for (DateTimeFormatter f : readers) {
                    try {
                        return LocalDate.parse(s.strip(), f);
                    } catch (DateTimeParseException e) {
                        last = e;
                    }
                }
                throw last;
            }
        };
    }
}
