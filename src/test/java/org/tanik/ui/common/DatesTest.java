package org.tanik.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import javafx.util.StringConverter;
import org.junit.jupiter.api.Test;
import org.tanik.model.PartialDate;

/** One way of writing a date per language, for whole days, partial dates and what date fields read back. */
class DatesTest {

    static final LocalDate DAY = LocalDate.of(2017, 3, 14);
    final Dates en = new Dates(Locale.ENGLISH, ZoneId.of("Europe/Istanbul"));
    final Dates tr = new Dates(Locale.forLanguageTag("tr"), ZoneId.of("Europe/Istanbul"));

    @Test
    void aDayIsWrittenAsTheLanguageWritesIt() {
        assertThat(en.date(DAY)).isEqualTo("Mar 14, 2017");
        assertThat(tr.date(DAY)).isEqualTo("14 Mar 2017");
    }

    @Test
    void aPartialDateIsWrittenToItsPrecisionInTheSameStyle() {
        assertThat(en.partial(PartialDate.exact(DAY), "?")).isEqualTo(en.date(DAY));
        assertThat(tr.partial(PartialDate.exact(DAY), "?")).isEqualTo(tr.date(DAY));
        assertThat(en.partial(PartialDate.month(2016, 9), "?")).isEqualTo("September 2016");
        assertThat(tr.partial(PartialDate.month(2016, 9), "?")).isEqualTo("Eylül 2016");
        assertThat(tr.partial(PartialDate.year(2016), "?")).isEqualTo("2016");
        assertThat(tr.partial(PartialDate.UNKNOWN, "Tarih bilinmiyor")).isEqualTo("Tarih bilinmiyor");
    }

    @Test
    void dateFieldsShowTheSameFormatAndReadItOrIsoBack() {
        StringConverter<LocalDate> c = tr.converter();
        assertThat(c.toString(DAY)).isEqualTo(tr.date(DAY));
        assertThat(c.fromString(tr.date(DAY))).isEqualTo(DAY);
        assertThat(c.fromString("2017-03-14")).isEqualTo(DAY);
        assertThat(c.fromString("14.03.2017")).isEqualTo(DAY);
        assertThat(c.fromString(" ")).isNull();
        assertThat(en.converter().fromString("3/14/2017")).isEqualTo(DAY);
        assertThat(en.converter().fromString("3/14/17")).isEqualTo(DAY);
    }

    /** JavaFX draws the JDK's Arabic direction marks as empty boxes; dates carry none, and read back. */
    @Test
    void arabicDatesCarryNoDirectionMarksAndReadBack() {
        Dates ar = new Dates(Locale.forLanguageTag("ar-u-nu-latn"), ZoneId.of("Europe/Istanbul"));
        String shown = ar.date(DAY) + ar.time(java.time.Instant.parse("2017-03-14T11:32:00Z"))
                + ar.partial(PartialDate.month(2016, 9), "?");
        assertThat(shown).doesNotContain("\u200f", "\u200e", "\u061c").contains("2017", "14");
        assertThat(ar.converter().fromString(ar.date(DAY))).isEqualTo(DAY);
    }
}
