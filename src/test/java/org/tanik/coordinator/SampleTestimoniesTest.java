package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.search.TextFold;
import org.tanik.model.TestimonyContent;
import org.tanik.testing.SampleTestimonies;
import org.tanik.testing.TurkishText;

/**
 * The benchmark data looks like real testimonies: a vocabulary of hundreds of thousands of forms
 * (counted as the search index folds them, hence this package), Zipf frequencies, long skewed
 * narratives, and the same testimonies from the same seed.
 */
class SampleTestimoniesTest {

    static final int SAMPLE = 300;

    @Test
    void theVocabularyHasAtLeast300000FormsEvenFoldedWithEveryTurkishLetter() {
        TurkishText text = TurkishText.get();
        Set<String> raw = new HashSet<>();
        Set<String> folded = new HashSet<>();
        for (int i = 0; i < text.size(); i++) {
            raw.add(text.form(i));
            folded.add(TextFold.foldReference(text.form(i)));
        }
        assertThat(raw).hasSize(text.size()).hasSizeGreaterThanOrEqualTo(300_000);
        assertThat(folded.size()).isGreaterThanOrEqualTo(300_000);
        String all = String.join(" ", raw);
        for (String letter : List.of("ç", "ğ", "ı", "ö", "ş", "ü")) {
            assertThat(all).contains(letter);
        }
    }

    @Test
    void narrativesAreSkewedBetween300And5000WordsWithNamesAndPlaces() {
        List<TestimonyContent> sample = sample(1);
        List<Integer> lengths = new ArrayList<>();
        for (TestimonyContent c : sample) {
            lengths.add(c.narrative().split("\\s+").length);
        }
        Collections.sort(lengths);
        assertThat(lengths.get(0)).isGreaterThanOrEqualTo(SampleTestimonies.MIN_WORDS);
        assertThat(lengths.get(lengths.size() - 1)).isLessThanOrEqualTo(SampleTestimonies.MAX_WORDS);
        int median = lengths.get(lengths.size() / 2);
        assertThat(median).isBetween(750, 1050);
        // Skewed: the longest are several times the median, the shortest not far below it.
        assertThat(lengths.get(lengths.size() * 99 / 100)).isGreaterThan(2 * median);
        String narratives = String.join(" ", sample.stream().map(TestimonyContent::narrative).toList());
        // Capital İ at sentence starts and in names, districts and facilities mentioned in the text.
        assertThat(narratives).contains("İ", "Cezaevi", "Emniyet Müdürlüğü").containsPattern("\\d+ (Ocak|Mart|Ekim) 20\\d\\d");
    }

    @Test
    void theSameSeedGivesTheSameTestimonies() {
        assertThat(sample(7).subList(0, 20)).isEqualTo(sample(7).subList(0, 20));
        assertThat(sample(8).get(0)).isNotEqualTo(sample(7).get(0));
    }

    /** Zipf: in generated text the most frequent word is far more frequent than the 1000th. */
    @Test
    void wordFrequenciesHaveAZipfHead() {
        Map<String, Integer> counts = new HashMap<>();
        for (TestimonyContent c : sample(3)) {
            for (String w : TextFold.tokens(c.narrative())) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<Integer> byFrequency = new ArrayList<>(counts.values());
        byFrequency.sort(Collections.reverseOrder());
        assertThat(byFrequency.size()).isGreaterThan(10_000);
        assertThat(byFrequency.get(0)).isGreaterThan(100 * byFrequency.get(999));
    }

    /** Tests and benchmarks search for the old sample words: they must still occur. */
    @Test
    void theWordsTestsSearchForStillOccur() {
        Set<String> words = new HashSet<>();
        for (TestimonyContent c : sample(11).subList(0, 100)) {
            words.addAll(TextFold.tokens(c.title() + " " + c.narrative()));
        }
        assertThat(words).contains("gozalti", "cezaevi", "avukat", "iskence", "sorgu", "hakim", "pasaport", "mahkeme",
                "kelepce", "ziyaret", "el", "koyma", "kayip", "taniklik");
    }

    private static List<TestimonyContent> sample(long seed) {
        SampleTestimonies samples = new SampleTestimonies(seed);
        List<TestimonyContent> out = new ArrayList<>();
        for (int i = 0; i < SAMPLE; i++) {
            out.add(samples.next(i));
        }
        return out;
    }
}
