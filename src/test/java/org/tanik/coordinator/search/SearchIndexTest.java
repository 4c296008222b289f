package org.tanik.coordinator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.PartialDate;
import org.tanik.model.Perpetrator;
import org.tanik.model.Place;
import org.tanik.model.ReviewState;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.store.coordinator.Archive;
import org.tanik.testing.SampleTestimonies;

class SearchIndexTest {
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    private static Archive.Entry entry(String id, int version, String title, String narrative) {
        return entry(id, version, new TestimonyContent(title, null, null, List.of(), narrative), "dev-a");
    }

    private static Archive.Entry entry(String id, int version, TestimonyContent content, String device) {
        return new Archive.Entry(new Testimony(id, version, Status.SEALED, NOW, NOW, NOW, content), device, "bundle-1");
    }

    private static List<String> ids(List<ArchiveItem> items) {
        return items.stream().map(ArchiveItem::id).toList();
    }

    private static List<String> find(SearchIndex index, String text) {
        return ids(index.search(SearchQuery.all().withText(text)));
    }

    @Test
    void everyWordMustOccurAndTheLastAlsoMatchesAsPrefix() {
        SearchIndex index = new SearchIndex();
        index.put(entry("a", 1, "Gözaltında şiddet", "İstanbul'da avukatla görüşemedi."), ReviewState.NEW);
        index.put(entry("b", 1, "Pasaport iptali", "Istanbul havalimanında gözaltı."), ReviewState.NEW);
        index.put(entry("c", 1, "Sürgün", "Izmir'de ihraç edildi; ŞİDDET yok."), ReviewState.NEW);

        assertThat(find(index, "istanbul")).containsExactly("a", "b");
        assertThat(find(index, "İSTANBUL gözal")).containsExactly("a", "b");
        assertThat(find(index, "siddet")).containsExactly("a", "c");
        assertThat(find(index, "gozalti istanbul")).containsExactly("b"); // only the last word is a prefix
        assertThat(find(index, "ih")).containsExactly("c");
        assertThat(find(index, "a")).isEmpty(); // one letter is not a word
        assertThat(find(index, "   ")).containsExactly("a", "b", "c");
        assertThat(find(index, "yok izmir")).containsExactly("c");
        assertThat(find(index, "kelepçe")).isEmpty();
    }

    @Test
    void facetsFilterWithTheText() {
        Act act = new Act("detention", PartialDate.month(2017, 3), PartialDate.UNKNOWN, new Place("34", "", ""), List.of(),
                List.of(new Perpetrator("police", "", "", "")), "");
        TestimonyContent withAct = new TestimonyContent("Gözaltı", null, null, List.of(new Incident("Olay", List.of(act))),
                "sorgu");
        SearchIndex index = new SearchIndex();
        index.put(entry("a", 1, withAct, "dev-a"), ReviewState.NEW);
        index.put(entry("b", 1, "Gözaltı", "sorgu"), ReviewState.VERIFIED);

        assertThat(ids(index.search(SearchQuery.all().withText("sorgu").withProvince("34")))).containsExactly("a");
        assertThat(ids(index.search(SearchQuery.all().withViolationType("detention").withInstitution("police")
                .withDates(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31))))).containsExactly("a");
        assertThat(ids(index.search(SearchQuery.all().withDates(LocalDate.of(2018, 1, 1), null)))).isEmpty();
        assertThat(ids(index.search(SearchQuery.all().withReviewState(ReviewState.VERIFIED)))).containsExactly("b");
        index.setReviewState("a", ReviewState.VERIFIED);
        assertThat(ids(index.search(SearchQuery.all().withText("gözaltı").withReviewState(ReviewState.VERIFIED))))
                .containsExactly("a", "b");
        ArchiveItem a = index.all().get(0);
        assertThat(a.provinces()).containsExactly("34");
        assertThat(a.acts()).containsExactly(new ArchiveItem.ActFact("detention", "34", java.time.YearMonth.of(2017, 3),
                LocalDate.of(2017, 3, 1), java.util.Set.of("police")));
        assertThat(a.consent()).as("made before consent existed: no record").isNull();
        assertThat(a.device()).isEqualTo("dev-a");
    }

    @Test
    void aNewerVersionDropsWordsOnlyTheOldVersionHad() {
        SearchIndex index = new SearchIndex();
        index.put(entry("a", 1, "Eski başlık", "kelepçe ve tehdit, ortak söz"), ReviewState.NEW);
        index.put(entry("b", 1, "Başka", "tehdit ve ortak söz"), ReviewState.NEW);
        assertThat(index.indexedVersion("a")).isEqualTo(1);

        index.put(entry("a", 2, "Yeni başlık", "duruşma ve ortak söz"), ReviewState.NEEDS_FOLLOW_UP);

        assertThat(index.indexedVersion("a")).isEqualTo(2);
        assertThat(index.indexedVersion("missing")).isZero();
        assertThat(index.size()).isEqualTo(2);
        assertThat(find(index, "kelepçe")).isEmpty();
        assertThat(find(index, "kel")).isEmpty(); // gone from the prefix vocabulary too
        assertThat(find(index, "eski")).isEmpty();
        assertThat(find(index, "tehdit")).containsExactly("b");
        assertThat(find(index, "ortak söz")).containsExactly("a", "b");
        assertThat(find(index, "baslik")).containsExactly("a");
        assertThat(find(index, "duruşma")).containsExactly("a");
        assertThat(index.all()).extracting(ArchiveItem::version).containsExactly(2, 1);
        assertThat(index.all().get(0).reviewState()).isEqualTo(ReviewState.NEEDS_FOLLOW_UP);

        // And back: a word can leave the vocabulary and return.
        index.put(entry("a", 3, "Eski", "kelepçe"), ReviewState.NEW);
        assertThat(find(index, "kel")).containsExactly("a");
        assertThat(find(index, "ortak")).containsExactly("b");
    }

    @Test
    void preparedDocumentsIndexLikeEntries() {
        SampleTestimonies samples = new SampleTestimonies(7);
        SearchIndex byEntry = new SearchIndex();
        SearchIndex byDocument = new SearchIndex();
        for (int i = 0; i < 50; i++) {
            Archive.Entry e = entry("t" + i, 1 + i % 3, samples.next(i), "dev-" + i % 2);
            byEntry.put(e, ReviewState.NEW);
            SearchIndex.Document doc = SearchIndex.prepare(e);
            assertThat(doc.id()).isEqualTo("t" + i);
            assertThat(doc.version()).isEqualTo(1 + i % 3);
            byDocument.put(doc, ReviewState.NEW);
        }
        assertThat(byDocument.all()).isEqualTo(byEntry.all());
        for (String q : List.of("gözaltı", "cezaevi avu", "tanıklık 17", "hakim", "el koyma", "x")) {
            assertThat(find(byDocument, q)).as(q).isEqualTo(find(byEntry, q));
        }
    }

    /**
     * Random imports and replacements against a brute-force search over the reference folding:
     * what the index finds is what a scan of every latest text with the original tokeniser finds.
     */
    @Test
    void searchMatchesABruteForceScan() {
        SampleTestimonies samples = new SampleTestimonies(11);
        Random random = new Random(2016);
        SearchIndex index = new SearchIndex();
        Map<String, Set<String>> latest = new LinkedHashMap<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (int n = 0; n < 600; n++) {
            String id = n < 200 || random.nextInt(3) > 0 ? "t" + n : "t" + random.nextInt(200);
            TestimonyContent c = samples.next(n);
            if (random.nextBoolean()) {
                c = c.withNarrative(c.narrative().substring(0, c.narrative().length() / (1 + random.nextInt(4)))
                        + " özel" + n + " Şahit" + random.nextInt(50));
            }
            int version = versions.merge(id, 1, Integer::sum);
            latest.put(id, new HashSet<>(TextFoldTest.referenceTokens(c.title() + " " + c.narrative())));
            index.put(entry(id, version, c, "dev"), ReviewState.NEW);
        }
        List<String> probe = new ArrayList<>(List.of("gözaltı", "cezaevi", "avukat", "işkence", "sorgu", "hakim", "el",
                "koyma", "ozel", "sahit", "tanıklık", "t", "ta", "ö", "öz", "şa", "kayıp"));
        for (int i = 0; i < 600; i += 7) {
            probe.add(Integer.toString(i));
            probe.add("özel" + i);
        }
        for (int q = 0; q < 400; q++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(3); w >= 0; w--) {
                text.append(probe.get(random.nextInt(probe.size()))).append(' ');
            }
            String query = text.toString().trim();
            assertThat(find(index, query)).as(query).isEqualTo(bruteForce(latest, query));
        }
    }

    private static List<String> bruteForce(Map<String, Set<String>> latest, String query) {
        List<String> terms = TextFoldTest.referenceTokens(query);
        List<String> out = new ArrayList<>();
        if (terms.isEmpty()) {
            return out;
        }
        for (Map.Entry<String, Set<String>> e : latest.entrySet()) {
            Set<String> words = e.getValue();
            boolean all = words.containsAll(terms.subList(0, terms.size() - 1));
            String last = terms.get(terms.size() - 1);
            if (all && words.stream().anyMatch(w -> w.startsWith(last))) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
