package org.tanik.coordinator.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.coordinator.PdfFonts;
import org.tanik.coordinator.reports.Redaction;
import org.tanik.coordinator.reports.RedactionLevel;
import org.tanik.model.Confidential;
import org.tanik.model.TestimonyContent;

/**
 * A dossier below FULL holds none of the confidential values, neither in the text a reader extracts
 * nor anywhere in the file's bytes once its streams are decompressed (qpdf --qdf): in the content
 * streams as drawn glyphs, in the metadata, or as plain text. At FULL the same checks find every
 * marker, so they can fail.
 */
class DossierRedactionTest {

    @TempDir
    Path dir;

    private final ArchivedTestimony fixture = DossierFixtures.testimony(DossierFixtures.ID, DossierFixtures.TITLE,
            DossierFixtures.NARRATIVE + " Kardeşi " + DossierFixtures.VICTIM + " ve avukatı aradı.");

    private Path write(RedactionLevel level) throws Exception {
        Path pdf = dir.resolve("dossier-" + level.code() + ".pdf");
        ArchivedTestimony redacted = Redaction.of(level).apply(fixture);
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new DossierPdfWriter().write(DossierFixtures.source(level, Locale.ENGLISH, List.of(redacted)), out);
        }
        return pdf;
    }

    @Test
    void theFixtureHasAMarkerInEveryConfidentialFieldOfTheModel() {
        TreeMap<String, String> found = new TreeMap<>();
        for (ArchivedTestimony.Version v : fixture.versions()) {
            confidentialValues(v.testimony().content(), found);
        }
        assertThat(found.keySet()).isEqualTo(confidentialComponents(TestimonyContent.class, new TreeSet<>(), new java.util.HashSet<>()));
        assertThat(found.values()).allSatisfy(v -> assertThat(DossierFixtures.MARKERS.stream().anyMatch(v::contains))
                .as(v).isTrue());
    }

    @ParameterizedTest
    @EnumSource(value = RedactionLevel.class, names = {"CONFIDENTIAL", "ANONYMISED"})
    void noMarkerIsInTheTextOrTheBytesBelowFull(RedactionLevel level) throws Exception {
        Path pdf = write(level);

        String text = PdfTools.text(pdf);
        byte[] raw = PdfTools.decompressed(pdf, dir);

        assertThat(text).contains(DossierFixtures.TITLE, "Şırnak", DossierFixtures.BUNDLE_SHA.substring(0, 40));
        for (String marker : DossierFixtures.MARKERS) {
            assertThat(text).as("extracted text at %s", level).doesNotContain(marker);
            assertThat(forms(raw, marker)).as("raw bytes at %s", level).isEmpty();
        }
        // The victim's other names, said alone in the narrative, went too.
        assertThat(text).doesNotContain("Ahmet", "Şahin", "MARKERDEVICELABEL");
        // A coordinator's review note may name anyone: only a full dossier prints it.
        assertThat(text).contains("Verified").doesNotContain("Checked by phone");
        if (level == RedactionLevel.ANONYMISED) {
            assertThat(text).contains("V-1");
        }
    }

    @Test
    void atFullTheSameChecksFindEveryMarker() throws Exception {
        Path pdf = write(RedactionLevel.FULL);

        String text = PdfTools.text(pdf);
        byte[] raw = PdfTools.decompressed(pdf, dir);

        for (String marker : DossierFixtures.MARKERS) {
            assertThat(text).contains(marker);
            assertThat(forms(raw, marker)).as("raw bytes at FULL: " + marker).isNotEmpty();
        }
        assertThat(text).contains("Checked by phone", "MARKERDEVICELABEL");
    }

    /**
     * The forms in which {@code marker} is found in the decompressed file: as UTF-8 or UTF-16 text
     * (metadata, strings), or as the glyph codes that draw it with the shipped font (content streams),
     * written as a literal or a hex string.
     */
    private static List<String> forms(byte[] raw, String marker) throws Exception {
        List<String> found = new ArrayList<>();
        String latin = new String(raw, StandardCharsets.ISO_8859_1);
        if (latin.contains(new String(marker.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
            found.add("utf-8");
        }
        if (latin.contains(new String(marker.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1))) {
            found.add("utf-16");
        }
        try (PDDocument doc = new PDDocument()) {
            for (PdfFonts face : List.of(PdfFonts.SANS, PdfFonts.SANS_BOLD)) {
                PDFont font = face.load(doc);
                byte[] codes = font.encode(marker);
                if (latin.contains(new String(codes, StandardCharsets.ISO_8859_1))) {
                    found.add(face + " literal");
                }
                String hex = HexFormat.of().formatHex(codes);
                if (latin.toLowerCase(Locale.ROOT).contains(hex)) {
                    found.add(face + " hex");
                }
            }
        }
        return found;
    }

    private static void confidentialValues(Object value, TreeMap<String, String> out) {
        if (value instanceof List<?> list) {
            list.forEach(e -> confidentialValues(e, out));
        } else if (value != null && value.getClass().isRecord()
                && value.getClass().getPackage() == Confidential.class.getPackage()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = c.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                if (c.isAnnotationPresent(Confidential.class)) {
                    if (v instanceof String s && !s.isEmpty()) {
                        out.put(c.getDeclaringRecord().getSimpleName() + "." + c.getName(), s);
                    }
                } else {
                    confidentialValues(v, out);
                }
            }
        }
    }

    /** Every confidential component a testimony's content can hold, at any depth. */
    private static Set<String> confidentialComponents(Class<?> record, Set<String> out, Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return out;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.isAnnotationPresent(Confidential.class)) {
                out.add(record.getSimpleName() + "." + c.getName());
            }
            Class<?> type = c.getType();
            if (List.class.isAssignableFrom(type) && c.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                type = element;
            }
            if (type.isRecord() && type.getPackage() == Confidential.class.getPackage()) {
                confidentialComponents(type, out, seen);
            }
        }
        return out;
    }

}
