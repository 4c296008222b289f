package org.tanik.coordinator.reports.pdf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.coordinator.reports.ExportSource;
import org.tanik.coordinator.reports.RedactionLevel;
import org.tanik.coordinator.reports.ReportContext;
import org.tanik.coordinator.reports.TableRows;
import org.tanik.model.Act;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.PartialDate;
import org.tanik.model.Person;
import org.tanik.model.Perpetrator;
import org.tanik.model.Place;
import org.tanik.model.Provenance;
import org.tanik.model.ReviewState;
import org.tanik.model.Sex;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;

/**
 * Hand-made archived testimonies for the PDF tests: Turkish and Kurdish letters in every text, and a
 * distinct marker in every field that names a person, so a test can look for each one in the output.
 */
final class DossierFixtures {

    static final String ID = "6f1c2a4e-0b7d-4c1e-9a53-2f8e0d7b9c11";
    static final String BUNDLE_SHA = "9b74c9897bac770ffc029102a200c5de0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String DEVICE = "ABCD-EF01-2345-6789";
    static final Instant AT = Instant.parse("2024-03-14T09:30:00Z");

    static final String TITLE = "Şırnak’ta gözaltı: İĞÜŞÖÇ ığüşöç";
    static final String NARRATIVE = "Tanık anlatıyor: jandarma karakolunda üç gün tutuldu. Kurdî: êûî ÊÛÎ çş.";
    /** Markers placed in the fields that name a person: each must vanish below FULL. */
    static final String INTERVIEWEE = "Zeynep MARKERINTERVIEWEE Çelik";
    static final String CONTACT = "+90 555 MARKERCONTACT";
    static final String VICTIM = "Ahmet MARKERVICTIM Şahin";
    static final String PERPETRATOR = "Komutan MARKERPERP Yılmaz";
    static final String INTERVIEWER = "Ayşe MARKERINTERVIEWER Kaya";
    static final String PRESENT = "Tercüman MARKERPRESENT Doğan";
    static final String FILE_NAME = "ifade-MARKERFILENAME.pdf";
    static final String TAKEN_BY = "Hülya MARKERTAKENBY Arslan";
    /** Every marker above, as a test looks for it in the output. */
    static final List<String> MARKERS = List.of("MARKERINTERVIEWEE", "MARKERCONTACT", "MARKERVICTIM", "MARKERPERP",
            "MARKERINTERVIEWER", "MARKERPRESENT", "MARKERFILENAME", "MARKERTAKENBY");

    private DossierFixtures() {
    }

    static ArchivedTestimony testimony(String id, String title, String narrative) {
        Act act = new Act("arbitrary_detention", PartialDate.month(2017, 3), PartialDate.parse("2017-03-17"),
                new Place("73", "Cizre", "İlçe jandarma komutanlığı"),
                List.of(new Person(VICTIM, Sex.MALE, 1980, "teacher")),
                List.of(new Perpetrator("gendarmerie", "Cizre bölük", "astsubay", PERPETRATOR)),
                "Gözaltında dövüldü; " + VICTIM + " daha sonra serbest bırakıldı.");
        Attachment file = new Attachment("att-1", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                12345, FILE_NAME, "application/pdf", "İmzalı ifade", AT, List.of());
        Consent consent = new Consent(ConsentMethod.WRITTEN, AT, TAKEN_BY,
                List.of(ConsentScope.DOCUMENTATION, ConsentScope.REPORTS_ANONYMOUS), null, "Yalnızca adsız raporlar.");
        TestimonyContent v1 = new TestimonyContent(title, new Interview(LocalDate.of(2024, 3, 10), "Diyarbakır",
                INTERVIEWER, List.of("tr", "ku"), PRESENT), new Interviewee(INTERVIEWEE, CONTACT, "kardeşi"),
                List.of(new Incident("Cizre baskını", List.of(act))), narrative, consent, List.of(file));
        TestimonyContent v2 = v1.withNarrative(narrative + " Ek: ikinci görüşme.");
        return new ArchivedTestimony(List.of(version(id, 1, v1, 41), version(id, 2, v2, 42)),
                List.of(new ArchivedTestimony.Review(ReviewState.VERIFIED, null, "Checked by phone", AT.plusSeconds(3600))));
    }

    private static ArchivedTestimony.Version version(String id, int n, TestimonyContent content, long sequence) {
        Testimony t = new Testimony(id, n, Status.SEALED, AT, AT, AT.plusSeconds(n), content);
        Provenance p = new Provenance(id, n, DEVICE, "b0c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4" + n, sequence,
                n == 2 ? BUNDLE_SHA : BUNDLE_SHA.replace('9', '8'), AT, AT.plusSeconds(60), AT.plusSeconds(120),
                "signature and hashes verified");
        return new ArchivedTestimony.Version(t, p, false);
    }

    static ReportContext context(RedactionLevel level, Locale locale) {
        return new ReportContext("İnsan Hakları Derneği", AT, level, "", "a1b2c3d4e5f6", level == RedactionLevel.FULL
                ? Map.of(DEVICE, "Laptop of MARKERDEVICELABEL") : Map.of(), TableRows.ACTS, locale);
    }

    static ExportSource source(RedactionLevel level, Locale locale, List<ArchivedTestimony> testimonies) {
        return new ExportSource(context(level, locale), testimonies.size(), testimonies);
    }
}
