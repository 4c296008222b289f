package org.tanik.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every field and list of a testimony's structured content, made too long in turn, is named exactly
 * as the codec names it (the name goes into the import's verdict and the audit log); attachments and
 * consent are in ConsentAttachmentCodecTest.
 */
class FieldLimitsTest {

    private static final int SHORT = FieldLimits.SHORT;

    @Test
    void everyTextFieldIsNamedWithItsLimit() {
        List<String> fields = new ArrayList<>(List.of("title", "interview.place", "interview.interviewer",
                "interview.present", "interview.languages[0]", "interview.languages[1]", "interviewee.name",
                "interviewee.contact", "interviewee.relation"));
        for (int n = 0; n < 2; n++) {
            fields.add("incidents[" + n + "].label");
            for (int a = 0; a < 2; a++) {
                String act = "incidents[" + n + "].acts[" + a + "]";
                fields.addAll(List.of(act + ".type", act + ".place.province", act + ".place.district",
                        act + ".place.facility"));
                for (int i = 0; i < 2; i++) {
                    fields.addAll(List.of(act + ".victims[" + i + "].name", act + ".victims[" + i + "].occupation",
                            act + ".perpetrators[" + i + "].institution", act + ".perpetrators[" + i + "].unit",
                            act + ".perpetrators[" + i + "].rank", act + ".perpetrators[" + i + "].name"));
                }
            }
        }
        for (String field : fields) {
            assertThat(FieldLimits.firstExcess(content(f -> f.equals(field) ? SHORT + 1 : SHORT)))
                    .as(field).contains(new FieldLimits.Excess(field, SHORT));
        }
        assertThat(FieldLimits.firstExcess(content(f -> f.endsWith("notes") ? FieldLimits.NOTES + 1 : 0)))
                .contains(new FieldLimits.Excess("incidents[0].acts[0].notes", FieldLimits.NOTES));
        assertThat(FieldLimits.firstExcess(content(f -> f.equals("narrative") ? FieldLimits.NARRATIVE + 1 : 0)))
                .contains(new FieldLimits.Excess("narrative", FieldLimits.NARRATIVE));
        // Exactly at every limit is allowed.
        assertThat(FieldLimits.firstExcess(content(f -> f.equals("narrative") ? FieldLimits.NARRATIVE
                : f.endsWith("notes") ? FieldLimits.NOTES : SHORT))).isEmpty();
    }

    @Test
    void theFirstExcessInRecordOrderIsTheOneNamed() {
        assertThat(FieldLimits.firstExcess(content(f -> f.startsWith("incidents[1]") || f.endsWith("rank") ? SHORT + 1 : 0)))
                .contains(new FieldLimits.Excess("incidents[0].acts[0].perpetrators[0].rank", SHORT));
    }

    @Test
    void everyListIsNamedWithItsLimit() {
        int over = FieldLimits.ITEMS + 1;
        Person victim = new Person("", null, null, "");
        Perpetrator perpetrator = new Perpetrator("", "", "", "");
        Act crowded = new Act("", null, null, null, Collections.nCopies(over, victim), List.of(), "");
        assertThat(FieldLimits.firstExcess(withIncidents(new Incident("", List.of(Act.empty(), crowded)))))
                .contains(new FieldLimits.Excess("incidents[0].acts[1].victims", FieldLimits.ITEMS));
        Act accused = new Act("", null, null, null, List.of(), Collections.nCopies(over, perpetrator), "");
        assertThat(FieldLimits.firstExcess(withIncidents(new Incident("", List.of()), new Incident("", List.of(accused)))))
                .contains(new FieldLimits.Excess("incidents[1].acts[0].perpetrators", FieldLimits.ITEMS));
        assertThat(FieldLimits.firstExcess(withIncidents(new Incident("", Collections.nCopies(over, Act.empty())))))
                .contains(new FieldLimits.Excess("incidents[0].acts", FieldLimits.ITEMS));
        assertThat(FieldLimits.firstExcess(withIncidents(Collections.nCopies(over, new Incident("", List.of()))
                .toArray(Incident[]::new)))).contains(new FieldLimits.Excess("incidents", FieldLimits.ITEMS));
        Interview polyglot = new Interview(null, "", "", Collections.nCopies(over, "tr"), "");
        assertThat(FieldLimits.firstExcess(new TestimonyContent("", polyglot, null, List.of(), "")))
                .contains(new FieldLimits.Excess("interview.languages", FieldLimits.ITEMS));
        Act full = new Act("", null, null, null, Collections.nCopies(FieldLimits.ITEMS, victim),
                Collections.nCopies(FieldLimits.ITEMS, perpetrator), "");
        assertThat(FieldLimits.firstExcess(withIncidents(new Incident("", List.of(full))))).isEmpty();
    }

    @Test
    void attachmentAndConsentFieldsAreNamedWithTheirPlace() {
        String tooLong = "x".repeat(SHORT + 1);
        Attachment plain = new Attachment("a", "b", 1, "c", "d", "e", null, List.of(new Marker(1, "f"), new Marker(2, "g")));
        List<Attachment> second = List.of(
                new Attachment(tooLong, "b", 1, "c", "d", "e", null, List.of()),
                new Attachment("a", tooLong, 1, "c", "d", "e", null, List.of()),
                new Attachment("a", "b", 1, "c", tooLong, "e", null, List.of()),
                plain.withMarkers(List.of(new Marker(1, "f"), new Marker(2, tooLong))));
        List<String> names = List.of("id", "sha256", "mediaType", "markers[1].label");
        for (int n = 0; n < names.size(); n++) {
            TestimonyContent c = TestimonyContent.empty().withAttachments(List.of(plain, second.get(n)));
            assertThat(FieldLimits.firstExcess(c)).contains(new FieldLimits.Excess("attachments[1]." + names.get(n), SHORT));
        }
        Consent form = new Consent(ConsentMethod.WRITTEN, null, "", List.of(), tooLong, "");
        assertThat(FieldLimits.firstExcess(TestimonyContent.empty().withConsent(form)))
                .contains(new FieldLimits.Excess("consent.formAttachment", SHORT));
    }

    private static TestimonyContent withIncidents(Incident... incidents) {
        return new TestimonyContent("", null, null, List.of(incidents), "");
    }

    /** Content with two of everything, each text field as long as {@code length} says for its name. */
    private static TestimonyContent content(Function<String, Integer> length) {
        Function<String, String> text = field -> "ş".repeat(length.apply(field));
        List<Incident> incidents = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            List<Act> acts = new ArrayList<>();
            for (int a = 0; a < 2; a++) {
                String at = "incidents[" + n + "].acts[" + a + "]";
                List<Person> victims = new ArrayList<>();
                List<Perpetrator> perpetrators = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String v = at + ".victims[" + i + "]";
                    victims.add(new Person(text.apply(v + ".name"), null, null, text.apply(v + ".occupation")));
                    String p = at + ".perpetrators[" + i + "]";
                    perpetrators.add(new Perpetrator(text.apply(p + ".institution"), text.apply(p + ".unit"),
                            text.apply(p + ".rank"), text.apply(p + ".name")));
                }
                Place place = new Place(text.apply(at + ".place.province"), text.apply(at + ".place.district"),
                        text.apply(at + ".place.facility"));
                acts.add(new Act(text.apply(at + ".type"), null, null, place, victims, perpetrators,
                        text.apply(at + ".notes")));
            }
            incidents.add(new Incident(text.apply("incidents[" + n + "].label"), acts));
        }
        Interview interview = new Interview(null, text.apply("interview.place"), text.apply("interview.interviewer"),
                List.of(text.apply("interview.languages[0]"), text.apply("interview.languages[1]")),
                text.apply("interview.present"));
        Interviewee interviewee = new Interviewee(text.apply("interviewee.name"), text.apply("interviewee.contact"),
                text.apply("interviewee.relation"));
        return new TestimonyContent(text.apply("title"), interview, interviewee, incidents, text.apply("narrative"));
    }
}
