package org.tanik.coordinator.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.coordinator.reports.RedactionLevel;
import org.tanik.coordinator.reports.ReportContext;
import org.tanik.coordinator.search.Statistics;

/** The statistics report read back with poppler: its figures, its label on every page. */
class StatisticsPdfWriterTest {

    @TempDir
    Path dir;

    /** Ten years of months, so the month table runs over several pages. */
    private static Statistics known() {
        Map<YearMonth, Integer> months = new LinkedHashMap<>();
        for (int i = 0; i < 120; i++) {
            months.put(YearMonth.of(2014, 1).plusMonths(i), i + 1);
        }
        months.put(YearMonth.of(2024, 1), 1234);
        return new Statistics(Map.of("torture", 7, "arbitrary_detention", 12, "", 3),
                Map.of("73", 9, "21", 1213, "", 300), months, Map.of("gendarmerie", 44, "police", 5, "", 2), 1522, 987,
                LocalDate.of(2014, 1, 1), LocalDate.of(2024, 12, 31), 17);
    }

    private Path write(Locale locale) throws Exception {
        Path pdf = dir.resolve("stats-" + locale.getLanguage() + ".pdf");
        ReportContext ctx = DossierFixtures.context(RedactionLevel.ANONYMISED, locale);
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new StatisticsPdfWriter().write(ctx, known(), out);
        }
        return pdf;
    }

    /** A table row as pdftotext -layout prints it: the label, then (after the bar) the count. */
    private static Pattern row(String label, String count) {
        return Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s+" + Pattern.quote(count) + "\\s*$");
    }

    @Test
    void theTextHoldsEveryFigureBesideItsLabel() throws Exception {
        Path pdf = write(Locale.ENGLISH);

        String text = PdfTools.layoutText(pdf);

        assertThat(text).contains("Statistics report", "İnsan Hakları Derneği", "1,522", "987");
        assertThat(text).containsPattern(row("Arbitrary detention or arrest", "12"))
                .containsPattern(row("Torture or ill-treatment", "7"))
                .containsPattern(row("Şırnak", "9"))
                .containsPattern(row("Diyarbakır", "1,213"))
                .containsPattern(row("Not specified", "300"))
                .containsPattern(row("Not specified", "3"))
                .containsPattern(row("2024-01", "1,234"))
                .containsPattern(row("Gendarmerie", "44"))
                .containsPattern(row("Police", "5"))
                .containsPattern(row("Not specified", "2"))
                .containsPattern("Period \\(start of the act\\)\\s+2014-01-01 – 2024-12-31")
                .containsPattern("Undated acts \\(not counted\\)\\s+17");
        for (int i = 0; i < 120; i++) {
            assertThat(text).containsPattern(row(YearMonth.of(2014, 1).plusMonths(i).toString(), Integer.toString(i + 1)));
        }
    }

    @Test
    void everyPageSaysTheseAreCountsOfDocumentedActsNotOfViolations() throws Exception {
        Path pdf = write(Locale.ENGLISH);

        List<String> pages = PdfTools.pages(pdf);

        assertThat(pages).hasSizeGreaterThan(2);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page %d", i + 1).contains("Counts of documented acts, not of violations",
                    "Statistics · page " + (i + 1) + " of " + pages.size());
        }
        assertThat(PdfTools.fonts(pdf).lines().skip(2).toList()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(" yes yes yes "));
    }

    @Test
    void inTurkishTheWordsAndNumbersAreTurkish() throws Exception {
        String text = PdfTools.layoutText(write(Locale.forLanguageTag("tr")));

        assertThat(text).contains("İstatistik raporu", "Belgelenmiş eylemlerin sayıları, ihlallerin değil")
                .containsPattern(row("Keyfi gözaltı veya tutuklama", "12"))
                .containsPattern(row("2024-01", "1.234"));
    }

    /** PDFBox would draw Arabic unjoined and backwards: an Arabic report is printed in English. */
    @Test
    void inArabicTheReportIsPrintedInEnglish() throws Exception {
        String text = PdfTools.layoutText(write(org.tanik.config.SettingsStore.forLanguage("ar")));

        assertThat(text).contains("Statistics report", "Counts of documented acts, not of violations")
                .containsPattern(row("Arbitrary detention or arrest", "12"))
                .doesNotContain("تقرير", "ريرقت");
    }
}
