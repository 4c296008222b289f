package org.tanik.coordinator.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.model.Act;
import org.tanik.model.Json;
import org.tanik.model.Person;
import org.tanik.model.TestimonyContent;

class RedactionTest {

    private static final ObjectMapper JSON = Json.mapper();

    private static String json(ArchivedTestimony t) throws Exception {
        return JSON.writeValueAsString(t).toLowerCase(Locale.ROOT);
    }

    private static TestimonyContent content(ArchivedTestimony t) {
        return t.versions().get(0).testimony().content();
    }

    @Test
    void theConfidentialFieldsAreTheOnesTheFixtureMarks() {
        // A new @Confidential field fails here until the fixture puts a marker in it too.
        assertThat(ReportFixtures.confidentialComponents()).containsExactly("Attachment.fileName", "Consent.takenBy",
                "Interview.interviewer", "Interview.present", "Interviewee.contact", "Interviewee.name",
                "Perpetrator.name", "Person.name");
    }

    @ParameterizedTest
    @EnumSource(value = RedactionLevel.class, names = {"CONFIDENTIAL", "ANONYMISED"})
    void noMarkerSurvivesBelowFull(RedactionLevel level) throws Exception {
        ArchivedTestimony full = ReportFixtures.marked("a", "Title", "Qxvictimone Şahin");
        String out = json(Redaction.of(level).apply(full));
        for (String marker : ReportFixtures.MARKERS) {
            assertThat(out).as(marker).doesNotContain(marker.toLowerCase(Locale.ROOT));
        }
        assertThat(out).doesNotContain("sahin").doesNotContain("şahin");
    }

    @Test
    void fullKeepsEverything() throws Exception {
        ArchivedTestimony full = ReportFixtures.marked("a", "Title", "Qxvictimone Şahin");
        assertThat(Redaction.of(RedactionLevel.FULL).apply(full)).isSameAs(full);
        String out = json(full);
        for (String marker : ReportFixtures.MARKERS) {
            assertThat(out).as(marker).contains(marker.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void pseudonymsAreStableAcrossTheTestimoniesOfOneExport() {
        Redaction r = Redaction.of(RedactionLevel.ANONYMISED);
        TestimonyContent a = content(r.apply(ReportFixtures.marked("a", "A", "Qxvictimone Şahin")));
        TestimonyContent b = content(r.apply(ReportFixtures.marked("b", "B", "QXVİCTİMONE  ŞAHİN")));
        assertThat(victims(a)).containsExactly("V-1", "V-2", "V-1");
        assertThat(victims(b)).containsExactly("V-1", "V-2", "V-1");
        TestimonyContent other = content(Redaction.of(RedactionLevel.ANONYMISED)
                .apply(ReportFixtures.marked("c", "C", "Başka Kişi")));
        assertThat(victims(other)).as("a new export starts again").containsExactly("V-1", "V-2", "V-1");
    }

    @Test
    void aNameInTheFreeTextIsScrubbed() {
        TestimonyContent anonymised = content(Redaction.of(RedactionLevel.ANONYMISED)
                .apply(ReportFixtures.marked("a", "About Şahin", "Qxvictimone Şahin")));
        assertThat(anonymised.narrative()).isEqualTo("The witness says V-1 and V-1 were held. […] saw it.");
        assertThat(anonymised.title()).isEqualTo("About V-1");
        assertThat(anonymised.incidents().get(0).label()).isEqualTo("Arrest of V-1");
        assertThat(anonymised.incidents().get(0).acts().get(0).notes()).isEqualTo("Notes say V-1 was taken.");

        ArchivedTestimony confidential = Redaction.of(RedactionLevel.CONFIDENTIAL)
                .apply(ReportFixtures.marked("a", "About Şahin", "Qxvictimone Şahin"));
        assertThat(content(confidential).narrative()).isEqualTo("The witness says […] and […] were held. […] saw it.");
        assertThat(victims(content(confidential))).containsExactly("", "", "");
        assertThat(confidential.history().get(0).note()).isEqualTo("checked with […]");
    }

    @Test
    void codesIdentifiersAndProvenanceAreKept() {
        ArchivedTestimony full = ReportFixtures.marked("a", "Title", "Qxvictimone Şahin");
        ArchivedTestimony out = Redaction.of(RedactionLevel.ANONYMISED).apply(full);
        assertThat(out.versions().get(0).provenance()).isEqualTo(full.versions().get(0).provenance());
        TestimonyContent c = content(out);
        assertThat(c.attachments().get(0).sha256()).isEqualTo("a".repeat(64));
        assertThat(c.attachments().get(0).fileName()).isEmpty();
        assertThat(c.consent().scopes()).isEqualTo(content(full).consent().scopes());
        assertThat(c.consent().takenBy()).isEmpty();
        Act act = c.incidents().get(0).acts().get(0);
        assertThat(act.type()).isEqualTo("detention");
        assertThat(act.place().province()).isEqualTo("34");
        assertThat(act.perpetrators().get(0).institution()).isEqualTo("police");
        assertThat(act.perpetrators().get(0).name()).isEmpty();
        assertThat(c.interviewee().name()).isEmpty();
        assertThat(c.interviewee().contact()).isEmpty();
        assertThat(c.interview().interviewer()).isEmpty();
        assertThat(c.interview().present()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RedactionLevel.class)
    void sensitiveDatesBecomeMonthsOnlyWhenAnonymised(RedactionLevel level) {
        List<Act> acts = content(Redaction.of(level).apply(ReportFixtures.marked("a", "T", "Qxvictimone Şahin")))
                .incidents().get(0).acts();
        boolean reduced = level == RedactionLevel.ANONYMISED;
        assertThat(acts.get(0).start().toString()).isEqualTo(reduced ? "2017-03" : "2017-03-14");
        assertThat(acts.get(0).end().toString()).isEqualTo(reduced ? "2017-03" : "2017-03-20");
        assertThat(acts.get(1).start().toString()).as("not marked sensitive").isEqualTo("2017-04-02");
    }

    /** A contact with no letters, and the people present as a list: found in the free text too. */
    @ParameterizedTest
    @EnumSource(value = RedactionLevel.class, names = {"CONFIDENTIAL", "ANONYMISED"})
    void aPhoneNumberAndEachPersonPresentAreScrubbedFromTheNarrative(RedactionLevel level) {
        ArchivedTestimony marked = ReportFixtures.marked("a", "T", "Qxvictimone Şahin");
        TestimonyContent c = content(marked);
        TestimonyContent changed = new TestimonyContent(c.title(),
                new org.tanik.model.Interview(c.interview().date(), c.interview().place(), c.interview().interviewer(),
                        c.interview().languages(), "Mehmet Demir, Fatma Can ve avukatı"),
                new org.tanik.model.Interviewee(c.interviewee().name(), "+90 (555) 123 45 67", c.interviewee().relation()),
                c.incidents(), "Call her on 0555-123-4567 or 5551234567. Mehmet Demir was there; Fatma said so.",
                c.consent(), c.attachments());
        TestimonyContent out = content(Redaction.of(level).apply(with(marked, changed)));
        assertThat(out.narrative()).isEqualTo("Call her on […] or […]. […] was there; […] said so.");
    }

    /** An older version that did not yet mark the dates sensitive must not give them away. */
    @Test
    void anOlderVersionDoesNotKeepTheExactDatesALaterOneMarkedSensitive() {
        ArchivedTestimony marked = ReportFixtures.marked("a", "T", "Qxvictimone Şahin");
        ArchivedTestimony.Version v2 = marked.versions().get(0);
        TestimonyContent c = v2.testimony().content();
        Act sensitive = c.incidents().get(0).acts().get(0);
        Act unmarked = new Act(sensitive.type(), sensitive.start(), sensitive.end(), sensitive.place(),
                sensitive.victims(), sensitive.perpetrators(), sensitive.notes(), false);
        TestimonyContent v1Content = new TestimonyContent(c.title(), c.interview(), c.interviewee(),
                List.of(new org.tanik.model.Incident(c.incidents().get(0).label(),
                        List.of(unmarked, c.incidents().get(0).acts().get(1)))),
                c.narrative(), c.consent(), c.attachments());
        org.tanik.model.Testimony t2 = v2.testimony();
        ArchivedTestimony twoVersions = new ArchivedTestimony(List.of(
                new ArchivedTestimony.Version(new org.tanik.model.Testimony(t2.id(), 1, t2.status(), t2.createdAt(),
                        t2.updatedAt(), t2.sealedAt(), v1Content), v2.provenance(), false),
                new ArchivedTestimony.Version(new org.tanik.model.Testimony(t2.id(), 2, t2.status(), t2.createdAt(),
                        t2.updatedAt(), t2.sealedAt(), c), v2.provenance(), false)), marked.history());
        ArchivedTestimony out = Redaction.of(RedactionLevel.ANONYMISED).apply(twoVersions);
        for (ArchivedTestimony.Version v : out.versions()) {
            List<Act> acts = v.testimony().content().incidents().get(0).acts();
            assertThat(acts.get(0).start().toString()).as("version %d", v.number()).isEqualTo("2017-03");
            assertThat(acts.get(0).end().toString()).as("version %d", v.number()).isEqualTo("2017-03");
            assertThat(acts.get(1).start().toString()).as("never sensitive").isEqualTo("2017-04-02");
        }
    }

    private static ArchivedTestimony with(ArchivedTestimony archived, TestimonyContent content) {
        ArchivedTestimony.Version v = archived.versions().get(0);
        org.tanik.model.Testimony t = v.testimony();
        return new ArchivedTestimony(List.of(new ArchivedTestimony.Version(new org.tanik.model.Testimony(t.id(),
                t.version(), t.status(), t.createdAt(), t.updatedAt(), t.sealedAt(), content), v.provenance(),
                v.flagged())), archived.history());
    }

    private static List<String> victims(TestimonyContent c) {
        return c.incidents().get(0).acts().stream().flatMap(a -> a.victims().stream()).map(Person::name).toList();
    }
}
