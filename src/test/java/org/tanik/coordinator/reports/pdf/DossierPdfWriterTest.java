package org.tanik.coordinator.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.coordinator.reports.pdf.DossierFixtures.BUNDLE_SHA;
import static org.tanik.coordinator.reports.pdf.DossierFixtures.ID;
import static org.tanik.coordinator.reports.pdf.DossierFixtures.NARRATIVE;
import static org.tanik.coordinator.reports.pdf.DossierFixtures.TITLE;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.coordinator.reports.RedactionLevel;

/** A case dossier read back as a reader outside Tanik reads it (poppler-utils, qpdf). */
class DossierPdfWriterTest {

    @TempDir
    Path dir;

    private Path write(RedactionLevel level, Locale locale, List<ArchivedTestimony> testimonies) throws IOException {
        Path pdf = dir.resolve("dossier-" + level.code() + "-" + locale.getLanguage() + ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new DossierPdfWriter().write(DossierFixtures.source(level, locale, testimonies), out);
        }
        return pdf;
    }

    /** pdftotext joins lines with newlines and may break a long value: compare without whitespace. */
    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void theTextHoldsTitleNarrativeProvinceAndBundleHashWithTurkishAndKurdishLetters() throws Exception {
        Path pdf = write(RedactionLevel.FULL, Locale.ENGLISH, List.of(DossierFixtures.testimony(ID, TITLE, NARRATIVE)));

        String text = PdfTools.text(pdf);

        assertThat(text).contains(TITLE, "Şırnak", "Cizre", "êûî ÊÛÎ çş", "Arbitrary detention or arrest",
                "2017-03 (month only)", "2017-03-17 (exact day)", "Case dossier", "Provenance annex");
        assertThat(squeeze(text)).contains(squeeze(NARRATIVE + " Ek: ikinci görüşme."), BUNDLE_SHA, ID,
                DossierFixtures.DEVICE);
        // FULL keeps the names: the redaction tests' markers are really in the file when nothing is removed.
        assertThat(text).contains(DossierFixtures.VICTIM, DossierFixtures.INTERVIEWEE, "MARKERDEVICELABEL");
    }

    @Test
    void everyFontIsEmbedded() throws Exception {
        Path pdf = write(RedactionLevel.FULL, Locale.ENGLISH, List.of(DossierFixtures.testimony(ID, TITLE, NARRATIVE)));

        List<String> fonts = PdfTools.fonts(pdf).lines().skip(2).toList(); // after the header and its rule

        assertThat(fonts).isNotEmpty().allSatisfy(line -> {
            assertThat(line).contains("DejaVuSans");
            // columns: name type encoding emb sub uni object ID
            String[] cols = line.trim().split("\\s+");
            assertThat(cols[cols.length - 5]).as("embedded: " + line).isEqualTo("yes");
            assertThat(cols[cols.length - 3]).as("ToUnicode (selectable text): " + line).isEqualTo("yes");
        });
    }

    @Test
    void aLongNarrativeFlowsOverPagesEachWithTheFooter() throws Exception {
        String longNarrative = String.join(" ", java.util.Collections.nCopies(1500, "uzun anlatı ışığında"))
                + " SONKELİME";
        Path pdf = write(RedactionLevel.FULL, Locale.ENGLISH, List.of(DossierFixtures.testimony(ID, TITLE, longNarrative)));

        List<String> pages = PdfTools.pages(pdf);

        assertThat(pages).hasSizeGreaterThan(4);
        assertThat(PdfTools.text(pdf)).contains("SONKELİME");
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page %d", i + 1)
                    .contains(ID + " · page " + (i + 1) + " of " + pages.size() + " · Full");
        }
    }

    @Test
    void aSelectionIsOnePdfWithEachDossierFromANewPage() throws Exception {
        String other = "0a0b0c0d-1111-4222-8333-444455556666";
        Path pdf = write(RedactionLevel.FULL, Locale.ENGLISH, List.of(DossierFixtures.testimony(ID, TITLE, NARRATIVE),
                DossierFixtures.testimony(other, "İkinci dosya başlığı", "Başka bir anlatı.")));

        List<String> pages = PdfTools.pages(pdf);

        assertThat(pages.get(0)).contains("2 case files · page 1 of", ID, other);
        int second = -1;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains("İkinci dosya başlığı")) {
                second = i;
                break;
            }
        }
        assertThat(second).isGreaterThan(1);
        assertThat(pages.get(second)).startsWith("İkinci dosya başlığı").contains(other + " · page")
                .doesNotContain(TITLE);
        assertThat(pages.get(second - 1)).contains(ID + " · page");
    }

    @Test
    void bidiOverridesAndControlsFromVolunteersAreShownNotObeyed() throws Exception {
        String sneaky = "fotoğraf\u202Egpj.exe ve\u0007zil";
        Path pdf = write(RedactionLevel.FULL, Locale.ENGLISH, List.of(DossierFixtures.testimony(ID, sneaky, NARRATIVE)));

        String text = PdfTools.text(pdf);

        assertThat(text).contains("fotoğraf\\u202egpj.exe ve\\u0007zil").doesNotContain("\u202E", "\u0007");
    }

    @Test
    void theWordsAreInTheReportsLanguage() throws Exception {
        Path pdf = write(RedactionLevel.FULL, Locale.forLanguageTag("tr"), List.of(DossierFixtures.testimony(ID, TITLE, NARRATIVE)));

        String text = PdfTools.text(pdf);

        assertThat(text).contains("Dava dosyası", "Anlatı", "Köken eki", "Keyfi gözaltı veya tutuklama",
                ID + " · sayfa 2 / ", "2017-03 (yalnızca ay)").doesNotContain("Narrative", "Provenance annex");
    }

    /**
     * Kurmanji has its own words (pdf_ku); Arabic is printed in English, because PDFBox would draw it
     * unjoined and backwards.
     */
    @Test
    void kurmanjiDossiersUseTheirOwnWordsAndArabicOnesEnglish() throws Exception {
        String ku = PdfTools.text(write(RedactionLevel.FULL, org.tanik.config.SettingsStore.forLanguage("ku"),
                List.of(DossierFixtures.testimony(ID, TITLE, NARRATIVE))));
        String ar = PdfTools.text(write(RedactionLevel.FULL, org.tanik.config.SettingsStore.forLanguage("ar"),
                List.of(DossierFixtures.testimony(ID, TITLE, NARRATIVE))));

        assertThat(ku).contains("Dosyaya dozê", "Vegotin", "Pêveka çavkaniyê", ID + " · rûpel 2 ji ")
                .doesNotContain("Narrative", "Provenance annex");
        assertThat(ar).contains("Case dossier", "Narrative", "Provenance annex", ID + " · page 2 of ")
                .doesNotContain("ةيضقلا فلم", "درسلا");
    }

    @Test
    void theMetadataNamesTheCaseAndTanikButNoContent() throws Exception {
        Path pdf = write(RedactionLevel.CONFIDENTIAL, Locale.ENGLISH,
                List.of(DossierFixtures.testimony(ID, TITLE, NARRATIVE)));

        String info = PdfTools.info(pdf);

        assertThat(info).containsPattern("(?m)^Title:\\s+" + ID + "$").containsPattern("(?m)^Producer:\\s+Tanik$")
                .doesNotContain(TITLE, "Şırnak", "MARKER", "Author");
    }

    @Test
    void lettersTheFontLacksAreShownAsEscapesAndDecomposedLettersAsOne() throws Exception {
        String narrative = "Kürtçe: e\u0302 u\u0302 i\u0302. Çince: 漢字. Ek B: \uD840\uDC00. "
                + "https://example.org/" + "a".repeat(300) + " son.\r\nWindows satırı\tsekme.";
        Path pdf = write(RedactionLevel.FULL, Locale.ENGLISH, List.of(DossierFixtures.testimony(ID, TITLE, narrative)));

        String text = PdfTools.text(pdf);

        assertThat(text).contains("Kürtçe: ê û î.", "\\u6f22\\u5b57", "\\u20000", "\nWindows satırı", "sekme.")
                .doesNotContain("\\u000d", "\\u0009");
        // A word longer than a line is cut at the margin, not lost.
        assertThat(squeeze(text)).contains("https://example.org/" + "a".repeat(300) + "son.");
    }

    @Test
    void aCancelPassesThroughAndNothingIsWritten() throws Exception {
        ArchivedTestimony first = DossierFixtures.testimony(ID, TITLE, NARRATIVE);
        Iterable<ArchivedTestimony> cancelled = () -> new java.util.Iterator<>() {
            private boolean given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ArchivedTestimony next() {
                if (given) {
                    throw new org.tanik.coordinator.reports.ExportCancelledException();
                }
                given = true;
                return first;
            }
        };
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.tanik.coordinator.reports.ExportSource source = new org.tanik.coordinator.reports.ExportSource(
                DossierFixtures.context(RedactionLevel.FULL, Locale.ENGLISH), 2, cancelled);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DossierPdfWriter().write(source, out))
                .isInstanceOf(org.tanik.coordinator.reports.ExportCancelledException.class);
        assertThat(out.size()).isZero();
    }
}
