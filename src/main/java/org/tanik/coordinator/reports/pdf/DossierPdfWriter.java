package org.tanik.coordinator.reports.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.coordinator.FieldLabels;
import org.tanik.coordinator.VersionDiff;
import org.tanik.coordinator.reports.ExportSource;
import org.tanik.coordinator.reports.ExportWriter;
import org.tanik.coordinator.reports.RedactionLevel;
import org.tanik.coordinator.reports.ReportContext;
import org.tanik.i18n.Texts;
import org.tanik.model.Act;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.ConsentScope;
import org.tanik.model.DatePrecision;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.PartialDate;
import org.tanik.model.Person;
import org.tanik.model.Perpetrator;
import org.tanik.model.Provenance;
import org.tanik.model.Sex;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.Vocabulary;

/**
 * Case dossiers as one PDF: a cover (organisation, case references, date produced, redaction level),
 * then each testimony from a new page: its structured facts (dates with their precision), the
 * narrative, attachments, consent, the version history and review, and a provenance annex. It prints
 * what it is given: the testimonies arrive already redacted to the level, so what a level removes is
 * not in the file at all.
 */
public final class DossierPdfWriter implements ExportWriter {

    /** Instants are printed in UTC: a court reads one unambiguous time. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Vocabulary vocabulary;

    public DossierPdfWriter(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public DossierPdfWriter() {
        this(Vocabulary.load());
    }

    @Override
    public void write(ExportSource source, OutputStream out) throws IOException {
        ReportContext ctx = source.context();
        Texts t = texts(printedLocale(ctx.locale()));
        FieldLabels fields = FieldLabels.forLocale(printedLocale(ctx.locale()), vocabulary);
        String coverReference = t.format("footer.selection", source.count());
        List<String> ids = new ArrayList<>();
        try (PdfLayout page = new PdfLayout("")) {
            // The references are known only once the testimonies have been read (they are loaded
            // one at a time): the cover keeps room for them, and they are drawn there at the end.
            page.newPage(coverReference);
            float coverBottom = cover(page, t, ctx, source.count());
            for (ArchivedTestimony a : source.testimonies()) {
                Testimony latest = a.versions().get(a.versions().size() - 1).testimony();
                ids.add(latest.id());
                page.newPage(latest.id());
                new Dossier(page, t, fields, ctx, a).write();
            }
            String title = ids.size() == 1 ? ids.get(0) : coverReference;
            page.reference(0, title); // a single dossier's cover names its case like its other pages
            page.finish((ref, n, total) -> t.format("footer", ref, n, total, level(t, ctx.level())),
                    title, ctx.producedAt(), printedLocale(ctx.locale()));
            page.coverReferences(coverBottom, t.get("cover.references"), ids);
            page.save(out);
        }
    }

    /**
     * The language a PDF is printed in. PDFBox neither joins Arabic letters nor lays lines out right to
     * left, so an Arabic page would print as separate letters running backwards (pdftotext reads
     * "ملف القضية" back as "ةيضقلا فلم"): Arabic is printed in English, as the invitation page is
     * ({@code OrganisationDesk.pageTexts}). pdf_ar.properties stays complete for when shaping is added.
     */
    static Locale printedLocale(Locale locale) {
        return "ar".equals(locale.getLanguage()) ? Locale.ENGLISH : locale;
    }

    static Texts texts(Locale locale) {
        return Texts.of("org.tanik.i18n.pdf", locale);
    }

    static String level(Texts t, RedactionLevel level) {
        return t.get("level." + level.code());
    }

    /** The cover's fixed part; returns where the list of references goes. */
    private static float cover(PdfLayout page, Texts t, ReportContext ctx, int count) throws IOException {
        page.down(60);
        page.heading(t.get("cover.dossier"), 22);
        page.down(12);
        page.field(t.get("cover.organisation"), ctx.organisation());
        page.field(t.get("cover.produced"), TIME.format(ctx.producedAt()));
        page.field(t.get("cover.level"), level(t, ctx.level()));
        page.field(t.get("cover.selection"), ctx.filters().isEmpty() ? t.get("cover.selection.all") : ctx.filters());
        page.field(t.get("cover.count"), Texts.format("{0,number,integer}", printedLocale(ctx.locale()), count));
        page.field(t.get("cover.auditHead"), ctx.auditHead());
        page.down(10);
        page.paragraph(t.get("level.note." + ctx.level().code()), page.regular, 9, PdfLayout.MARGIN, PdfLayout.width());
        page.down(14);
        return page.y();
    }

    /** One testimony's pages. */
    private final class Dossier {
        private final PdfLayout page;
        private final Texts t;
        private final FieldLabels fields;
        private final ReportContext ctx;
        private final ArchivedTestimony archived;
        private final Locale locale;

        Dossier(PdfLayout page, Texts t, FieldLabels fields, ReportContext ctx, ArchivedTestimony archived) {
            this.page = page;
            this.t = t;
            this.fields = fields;
            this.ctx = ctx;
            this.archived = archived;
            this.locale = printedLocale(ctx.locale());
        }

        void write() throws IOException {
            List<ArchivedTestimony.Version> versions = archived.versions();
            Testimony latest = versions.get(versions.size() - 1).testimony();
            TestimonyContent c = latest.content();
            page.heading(c.title().isEmpty() ? t.get("untitled") : c.title(), 16);
            page.field(t.get("dossier.reference"), latest.id());
            page.field(field("version"), t.format("dossier.version", latest.version(), versions.size()));
            page.field(t.get("dossier.sealed"), time(latest.sealedAt()));
            interview(c.interview(), c.interviewee());
            int n = 0;
            for (Incident incident : c.incidents()) {
                incident(++n, incident);
            }
            page.heading(t.get("section.narrative"), 12);
            page.text(c.narrative());
            attachments(c.attachments());
            consent(c.consent());
            history(versions);
            review();
            provenance(versions);
        }

        private void interview(Interview i, Interviewee p) throws IOException {
            page.heading(t.get("section.interview"), 12);
            page.field(field("date"), i.date() == null ? "" : i.date().toString());
            page.field(field("place"), i.place());
            page.field(field("interviewer"), i.interviewer());
            page.field(field("languages"), String.join(", ", i.languages()));
            page.field(field("present"), i.present());
            if (!p.name().isEmpty() || !p.contact().isEmpty() || !p.relation().isEmpty()) {
                page.heading(t.get("section.interviewee"), 12);
                page.field(field("name"), p.name());
                page.field(field("contact"), p.contact());
                page.field(field("relation"), p.relation());
            }
        }

        private void incident(int n, Incident incident) throws IOException {
            page.heading(t.format("section.incident", n, incident.label()), 12);
            int a = 0;
            for (Act act : incident.acts()) {
                act(++a, act);
            }
        }

        private void act(int n, Act act) throws IOException {
            String type = act.type().isEmpty() ? t.get("none") : vocabulary.violationLabel(act.type(), locale);
            page.heading(t.format("section.act", n, type), 10.5f);
            page.field(field("start"), date(act.start()));
            if (act.end().precision() != DatePrecision.UNKNOWN) {
                page.field(field("end"), date(act.end()));
            }
            if (act.sensitiveDates()) {
                page.field(field("sensitiveDates"), t.get("act.sensitiveDates"));
            }
            page.field(field("province"), act.place().province().isEmpty() ? ""
                    : fields.value("place.province", act.place().province()));
            page.field(field("district"), act.place().district());
            page.field(field("facility"), act.place().facility());
            for (Person v : act.victims()) {
                page.field(field("victims"), join(v.name(),
                        v.sex() == null || v.sex() == Sex.UNKNOWN ? "" : fields.value("sex", v.sex().name()),
                        v.birthYear() == null ? "" : v.birthYear().toString(),
                        fields.value("occupation", v.occupation())));
            }
            for (Perpetrator p : act.perpetrators()) {
                page.field(field("perpetrators"), join(fields.value("institution", p.institution()), p.unit(),
                        p.rank(), p.name()));
            }
            page.field(field("notes"), act.notes());
        }

        private void attachments(List<Attachment> attachments) throws IOException {
            if (attachments.isEmpty()) {
                return;
            }
            page.heading(t.get("section.attachments"), 12);
            int n = 0;
            for (Attachment a : attachments) {
                page.field(t.format("attachment.item", ++n), a.fileName().isEmpty() ? t.get("none") : a.fileName());
                page.field(field("mediaType"), a.mediaType());
                page.field(field("size"), t.format("attachment.size", a.size()));
                page.field(field("sha256"), a.sha256());
                page.field(field("caption"), a.caption());
                page.field(field("addedAt"), time(a.addedAt()));
            }
        }

        private void consent(Consent consent) throws IOException {
            page.heading(t.get("section.consent"), 12);
            if (consent == null) {
                page.text(t.get("consent.none"));
                return;
            }
            page.field(field("method"), t.get("consent.method." + consent.method().code()));
            page.field(field("givenAt"), time(consent.givenAt()));
            page.field(field("takenBy"), consent.takenBy());
            List<String> scopes = new ArrayList<>();
            for (ConsentScope s : consent.scopes()) {
                scopes.add(t.get("consent.scope." + s.code()));
            }
            page.field(field("scopes"), scopes.isEmpty() ? t.get("none") : String.join("; ", scopes));
            page.field(field("note"), consent.note());
        }

        /** What changed between consecutive versions, in the fields this level keeps. */
        private void history(List<ArchivedTestimony.Version> versions) throws IOException {
            page.heading(t.get("section.history"), 12);
            if (versions.size() < 2) {
                page.text(t.get("history.single"));
                return;
            }
            for (int i = 1; i < versions.size(); i++) {
                Testimony older = versions.get(i - 1).testimony();
                Testimony newer = versions.get(i).testimony();
                page.heading(t.format("history.step", older.version(), newer.version()), 10);
                List<VersionDiff.Change> changes = VersionDiff.between(older, newer);
                if (changes.isEmpty()) {
                    page.text(t.get("history.unchanged"));
                }
                for (VersionDiff.Change ch : changes) {
                    page.field(fields.label(ch.field()), t.format("history.change",
                            orNone(fields.value(ch.field(), ch.before())), orNone(fields.value(ch.field(), ch.after()))));
                }
            }
        }

        /** The review decisions; a coordinator's note may name people, so it is printed only in full. */
        private void review() throws IOException {
            page.heading(t.get("section.review"), 12);
            if (archived.history().isEmpty()) {
                page.text(t.get("review.none"));
            }
            for (ArchivedTestimony.Review r : archived.history()) {
                String what = t.get("review." + r.state().name());
                if (r.duplicateOf() != null && !r.duplicateOf().isEmpty()) {
                    what += " (" + r.duplicateOf() + ")";
                }
                page.field(time(r.at()), ctx.level() == RedactionLevel.FULL && !r.note().isEmpty()
                        ? t.format("review.entry", what, r.note()) : what);
            }
        }

        private void provenance(List<ArchivedTestimony.Version> versions) throws IOException {
            page.heading(t.get("section.provenance"), 12);
            for (ArchivedTestimony.Version v : versions) {
                page.heading(t.format("provenance.version", v.number()), 10);
                Provenance p = v.provenance();
                page.field(t.get("dossier.sealed"), time(v.testimony().sealedAt()));
                if (p == null) {
                    page.text(t.get("provenance.none"));
                    continue;
                }
                page.field(t.get("provenance.device"), p.device());
                page.field(t.get("provenance.deviceLabel"), ctx.deviceLabels().getOrDefault(p.device(), ""));
                page.field(t.get("provenance.bundleId"), p.bundleId());
                page.field(t.get("provenance.sequence"), Long.toString(p.sequence()));
                page.field(t.get("provenance.bundleSha256"), p.bundleSha256());
                page.field(t.get("provenance.bundleCreated"), time(p.bundleCreatedAt()));
                page.field(t.get("provenance.received"), time(p.receivedAt()));
                page.field(t.get("provenance.imported"), time(p.importedAt()));
                page.field(t.get("provenance.verification"), t.get(v.flagged() ? "provenance.flagged" : "provenance.verified"));
            }
            page.down(6);
            page.field(t.get("cover.auditHead"), ctx.auditHead());
        }

        private String field(String name) {
            return fields.label(name);
        }

        private String date(PartialDate d) {
            String precision = t.get("precision." + d.precision().name());
            return d.precision() == DatePrecision.UNKNOWN ? precision : t.format("date.precision", d.toString(), precision);
        }

        private String orNone(String s) {
            return s == null || s.isEmpty() ? t.get("none") : s;
        }
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private static String join(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                kept.add(p);
            }
        }
        return String.join(", ", kept);
    }
}
