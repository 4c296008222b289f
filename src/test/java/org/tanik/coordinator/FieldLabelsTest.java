package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.PartialDate;
import org.tanik.model.Perpetrator;
import org.tanik.model.Person;
import org.tanik.model.Place;
import org.tanik.model.Sex;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.Vocabulary;
import org.tanik.model.json.TestimonyCodec;

/** Readable, translated names for the field paths of a version diff, and labels for coded values. */
class FieldLabelsTest {

    static final Vocabulary VOCABULARY = Vocabulary.load();
    static final Locale TR = Locale.forLanguageTag("tr");
    final FieldLabels en = FieldLabels.forLocale(Locale.ENGLISH, VOCABULARY);
    final FieldLabels tr = FieldLabels.forLocale(TR, VOCABULARY);

    @Test
    void everyFieldOfTheModelHasANameInEveryLanguage() {
        Set<String> names = FieldLabels.modelFieldNames();
        // The reflection walk finds at least what Jackson actually writes for a testimony with every field filled.
        assertThat(names).containsAll(jsonFieldNames(TestimonyCodec.toTree(full(content("34", "police")))));
        assertThat(names).contains("incidents", "acts", "place", "province", "victims", "perpetrators", "birthYear",
                "languages", "narrative", "id");
        assertThat(names).doesNotContain("content", "precision", "year", "month", "day"); // flattened / a string
        for (Locale locale : List.of(Locale.ROOT, TR)) {
            ResourceBundle bundle = FieldLabels.bundle(locale);
            Set<String> missing = new TreeSet<>();
            for (String name : names) {
                if (!bundle.containsKey("field." + name)) {
                    missing.add(name);
                }
            }
            assertThat(missing).as("field names without a key in %s", locale).isEmpty();
        }
        ResourceBundle english = FieldLabels.bundle(Locale.ROOT);
        ResourceBundle turkish = FieldLabels.bundle(TR);
        assertThat(turkish.getLocale().getLanguage()).isEqualTo("tr");
        for (String name : names) {
            assertThat(turkish.getString("field." + name)).as("Turkish name of %s", name)
                    .isNotEqualTo(english.getString("field." + name));
        }
    }

    @Test
    void pathsBecomeNumberedTranslatedLabels() {
        assertThat(en.label("incidents[0].acts[1].place.province")).isEqualTo("Incident 1 › Act 2 › Place › Province");
        assertThat(tr.label("incidents[0].acts[1].place.province")).isEqualTo("Olay 1 › Eylem 2 › Yer › İl");
        assertThat(en.label("incidents[2].acts[0].victims[1].birthYear"))
                .isEqualTo("Incident 3 › Act 1 › Victim 2 › Year of birth");
        assertThat(tr.label("incidents[0].acts[0].perpetrators[0].institution"))
                .isEqualTo("Olay 1 › Eylem 1 › İddia edilen fail 1 › Kurum");
        assertThat(tr.label("interview.languages[1]")).isEqualTo("Görüşme › Dil 2");
        assertThat(en.label("narrative")).isEqualTo("Narrative");
        assertThat(en.label("incidents[9].acts[10].type")).isEqualTo("Incident 10 › Act 11 › Type of violation");
    }

    @Test
    void unknownNamesAndOddPathsFallBackToTheRawText() {
        assertThat(en.label("incidents[0].mystery[2].province")).isEqualTo("Incident 1 › mystery[2] › Province");
        assertThat(tr.label("somethingNew")).isEqualTo("somethingNew");
        assertThat(en.label("")).isEmpty();
        assertThat(en.label(null)).isEmpty();
        for (String odd : List.of(".", "a..b", "[0]", "incidents[", "incidents[x]", "incidents[99999999999999999999]",
                "incidents[0][1]", "ünïcode.ş", "title.", " title")) {
            assertThatCode(() -> en.label(odd)).as(odd).doesNotThrowAnyException();
            assertThatCode(() -> en.value(odd, "x")).as(odd).doesNotThrowAnyException();
            assertThatCode(() -> FieldLabels.confidential(odd)).as(odd).doesNotThrowAnyException();
        }
        assertThat(en.label("incidents[0][1]")).isEqualTo("Incident 1 2");
        assertThat(en.label("incidents[99999999999999999999]")).isEqualTo("incidents[99999999999999999999]");
    }

    @Test
    void codedValuesShowTheirLabels() {
        assertThat(en.value("incidents[0].acts[0].place.province", "34")).isEqualTo("İstanbul");
        assertThat(en.value("incidents[0].acts[0].type", "torture"))
                .isEqualTo(VOCABULARY.violationLabel("torture", Locale.ENGLISH)).isNotEqualTo("torture");
        assertThat(tr.value("incidents[0].acts[0].type", "torture"))
                .isEqualTo(VOCABULARY.violationLabel("torture", TR)).isNotEqualTo(en.value("x.type", "torture"));
        assertThat(tr.value("incidents[0].acts[0].perpetrators[0].institution", "police"))
                .isEqualTo(VOCABULARY.institution("police").orElseThrow().label(TR));
        assertThat(tr.value("incidents[0].acts[0].victims[0].sex", "FEMALE")).isEqualTo("Kadın");
        assertThat(en.value("incidents[0].acts[0].victims[0].occupation", "a baker")).isEqualTo("a baker");
        assertThat(en.value("incidents[0].acts[0].type", "no_such_code")).isEqualTo("no_such_code");
        assertThat(en.value("incidents[0].acts[0].type", "")).isEmpty();
        assertThat(en.value("narrative", "Emniyette üç gün")).isEqualTo("Emniyette üç gün");
    }

    @Test
    void confidentialFieldsAreKnownByTheirPath() {
        assertThat(FieldLabels.confidential("interviewee.name")).isTrue();
        assertThat(FieldLabels.confidential("interviewee.contact")).isTrue();
        assertThat(FieldLabels.confidential("incidents[0].acts[1].victims[0].name")).isTrue();
        assertThat(FieldLabels.confidential("incidents[0].acts[1].perpetrators[2].name")).isTrue();
        // They name people too (issue 18): exports empty them below full, views mark them.
        assertThat(FieldLabels.confidential("interview.interviewer")).isTrue();
        assertThat(FieldLabels.confidential("interview.present")).isTrue();
        assertThat(FieldLabels.confidential("attachments[0].fileName")).isTrue();
        assertThat(FieldLabels.confidential("consent.takenBy")).isTrue();
        assertThat(FieldLabels.confidential("interview.place")).isFalse();
        assertThat(FieldLabels.confidential("interviewee.relation")).isFalse();
        assertThat(FieldLabels.confidential("incidents[0].label")).isFalse();
        assertThat(FieldLabels.confidential("title")).isFalse();
        assertThat(FieldLabels.confidential("incidents[0].nope.name")).isFalse();
    }

    @Test
    void everyPathOfARealDiffHasAKnownLabel() {
        Testimony older = full(content("34", "police"));
        Testimony newer = new Testimony(older.id(), 2, Status.SEALED, older.createdAt(), older.updatedAt(),
                older.sealedAt(), content("06", "gendarmerie"));
        List<VersionDiff.Change> changes = VersionDiff.between(older, newer);
        assertThat(changes).extracting(VersionDiff.Change::field)
                .contains("incidents[0].acts[0].place.province", "incidents[0].acts[0].perpetrators[0].institution");
        for (VersionDiff.Change c : changes) {
            assertThat(tr.label(c.field())).as(c.field()).doesNotContain("[", ".");
        }
        VersionDiff.Change province = changes.stream()
                .filter(c -> c.field().equals("incidents[0].acts[0].place.province")).findFirst().orElseThrow();
        assertThat(tr.value(province.field(), province.before())).isEqualTo("İstanbul");
        assertThat(tr.value(province.field(), province.after())).isEqualTo("Ankara");
        // Added or removed: the empty side stays empty.
        Testimony fewer = new Testimony(older.id(), 2, Status.SEALED, older.createdAt(), older.updatedAt(),
                older.sealedAt(), older.content().withNarrative(""));
        assertThat(VersionDiff.between(older, fewer)).singleElement()
                .satisfies(c -> assertThat(en.label(c.field())).isEqualTo("Narrative"));
    }

    private static Set<String> jsonFieldNames(JsonNode node) {
        Set<String> out = new TreeSet<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(e.getKey());
                out.addAll(jsonFieldNames(e.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(n -> out.addAll(jsonFieldNames(n)));
        }
        return out;
    }

    private static Testimony full(TestimonyContent c) {
        Instant t = Instant.parse("2024-01-02T03:04:05Z");
        return new Testimony("6f1c1b9e-2c1d-4f6e-9a51-0c2d5f3e8a10", 1, Status.SEALED, t, t, t, c);
    }

    /** A testimony with every field, and every list, filled. */
    private static TestimonyContent content(String province, String institution) {
        Act act = new Act("torture", PartialDate.exact(LocalDate.of(2016, 7, 20)), PartialDate.month(2016, 8),
                new Place(province, "Merkez", "Emniyet Müdürlüğü"),
                List.of(new Person("Tanık kişi", Sex.FEMALE, 1980, "teacher")),
                List.of(new Perpetrator(institution, "TEM Şube", "Komiser", "bilinmiyor")), "Notlar");
        return new TestimonyContent("Başlık", new Interview(LocalDate.of(2017, 1, 20), "Köln", "E. K.",
                List.of("Türkçe", "Kürtçe"), "avukat"), new Interviewee("A. Y.", "+49 000", "mağdurun kendisi"),
                List.of(new Incident("Gözaltı", List.of(act))), "Anlatı metni");
    }
}
