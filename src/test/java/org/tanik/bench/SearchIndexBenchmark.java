package org.tanik.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.coordinator.search.SearchQuery;
import org.tanik.coordinator.search.TextFold;
import org.tanik.coordinator.search.TextFoldTest;
import org.tanik.model.ReviewState;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.Vocabulary;
import org.tanik.store.coordinator.Archive;
import org.tanik.testing.MemoryFigures;
import org.tanik.testing.SampleTestimonies;
import org.tanik.testing.TurkishText;

/**
 * Prints what indexing costs per testimony during import: the pure preparation (folding, facets),
 * the insertion the storing thread does, the convenience put(Entry) doing both, and the previous
 * way (Normalizer folding of the joined text, a map lookup per word occurrence) for comparison;
 * then replacements. Then the whole count, streamed as an unlock streams the archive: build time,
 * heap and resident memory, search latency. Figures only, no timed assertions. Not part of the
 * normal run: {@code mvn -B -q test -Dtest=SearchIndexBenchmark [-Dtanik.bench.testimonies=200000]
 * [-Dtanik.test.heap=8g] [-Dtanik.bench.details=false]}.
 */
public class SearchIndexBenchmark {

    /** How many testimonies the index holds: {@code -Dtanik.bench.testimonies=N}, 20,000 by default. */
    static final int COUNT = Integer.getInteger("tanik.bench.testimonies", 20_000);
    /** The per-testimony comparisons hold their testimonies in memory, so they use at most this many. */
    static final int TESTIMONIES = Math.min(COUNT, 20_000);
    static final int REPLACEMENTS = 2_000;
    static final int ROUNDS = 3;

    @Test
    void indexAndSearch() {
        System.out.printf("search-index-bench: %d testimonies, JVM max heap %.0f MB, %d cores%n", COUNT,
                MemoryFigures.maxHeapMb(), Runtime.getRuntime().availableProcessors());
        // The comparisons take minutes on a busy machine: -Dtanik.bench.details=false measures only the whole count.
        if (!"false".equals(System.getProperty("tanik.bench.details"))) {
            perTestimonyCosts();
        }
        SearchIndex index = streamedBuild(COUNT, "search-index-bench");
        search(index, "search-index-bench");
        java.lang.ref.Reference.reachabilityFence(index);
    }

    /** The per-testimony figures, with the testimonies in memory; all of it garbage once done. */
    private static void perTestimonyCosts() {
        SampleTestimonies samples = new SampleTestimonies(3);
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        List<Archive.Entry> entries = new ArrayList<>(TESTIMONIES);
        long chars = 0;
        for (int n = 0; n < TESTIMONIES; n++) {
            Testimony t = new Testimony(UUID.randomUUID().toString(), 1, Status.SEALED, now, now, now, samples.next(n));
            entries.add(new Archive.Entry(t, "device-" + n % 4, "bundle-" + n / 100));
            chars += t.content().title().length() + t.content().narrative().length();
        }
        System.out.printf("search-index-bench: %d testimonies, title+narrative %.0f chars on average%n", TESTIMONIES,
                (double) chars / TESTIMONIES);

        // Best of a few rounds each, so the JIT warms up and a busy machine disturbs less.
        double prepare = Double.MAX_VALUE;
        double parallelPrepare = Double.MAX_VALUE;
        double put = Double.MAX_VALUE;
        double putEntry = Double.MAX_VALUE;
        double before = Double.MAX_VALUE;
        Map<String, BitSet> previousVocabulary = null;
        double tokens = Double.MAX_VALUE;
        SearchIndex index = null;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            List<SearchIndex.Document> docs = new ArrayList<>(TESTIMONIES);
            for (Archive.Entry e : entries) {
                docs.add(SearchIndex.prepare(e));
            }
            prepare = Math.min(prepare, micros(t0));

            t0 = System.nanoTime();
            List<SearchIndex.Document> parallel = entries.parallelStream().map(SearchIndex::prepare).toList();
            parallelPrepare = Math.min(parallelPrepare, micros(t0));
            if (parallel.size() != docs.size()) {
                throw new AssertionError();
            }

            index = new SearchIndex();
            t0 = System.nanoTime();
            for (SearchIndex.Document d : docs) {
                index.put(d, ReviewState.NEW);
            }
            put = Math.min(put, micros(t0));

            SearchIndex viaEntries = new SearchIndex();
            t0 = System.nanoTime();
            for (Archive.Entry e : entries) {
                viaEntries.put(e, ReviewState.NEW);
            }
            putEntry = Math.min(putEntry, micros(t0));

            t0 = System.nanoTime();
            Map<String, BitSet> words = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                var c = entries.get(i).testimony().content();
                for (String w : TextFoldTest.referenceTokens(c.title() + " " + c.narrative())) {
                    final int pos = i;
                    words.computeIfAbsent(w, k -> new BitSet()).set(pos);
                }
            }
            before = Math.min(before, micros(t0));
            previousVocabulary = words;

            t0 = System.nanoTime();
            int distinct = 0;
            for (Archive.Entry e : entries) {
                distinct += TextFold.distinctTokens(e.testimony().content().title(), e.testimony().content().narrative())
                        .length;
            }
            words(distinct);
            tokens = Math.min(tokens, micros(t0));
        }
        System.out.printf("search-index-bench: prepare %.1f µs/testimony (one thread), %.1f µs with %d threads%n", prepare,
                parallelPrepare, Runtime.getRuntime().availableProcessors());
        System.out.printf("search-index-bench: put(Document) %.1f µs/testimony (the storing thread's share)%n", put);
        System.out.printf("search-index-bench: put(Entry) = prepare + put %.1f µs/testimony, %.2f s for %d%n", putEntry,
                putEntry * TESTIMONIES / 1e6, TESTIMONIES);
        System.out.printf("search-index-bench: text part now: distinct folded words %.1f µs/testimony (in prepare), "
                + "%.0f distinct words per testimony%n", tokens, (double) distinctWords / TESTIMONIES);
        System.out.printf("search-index-bench: text part before: Normalizer fold, substrings, map per word occurrence "
                + "%.1f µs/testimony%n", before);

        // Newer versions of earlier testimonies: each clears its old words, not the whole vocabulary.
        double replace = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            SampleTestimonies changes = new SampleTestimonies(4 + round);
            List<SearchIndex.Document> newer = new ArrayList<>();
            for (int i = 0; i < REPLACEMENTS; i++) {
                Testimony old = entries.get(i * (TESTIMONIES / REPLACEMENTS)).testimony();
                newer.add(SearchIndex.prepare(new Archive.Entry(new Testimony(old.id(), 2 + round, Status.SEALED, now, now,
                        now, changes.next(TESTIMONIES + i)), "device-0", "bundle-x")));
            }
            long t0 = System.nanoTime();
            for (SearchIndex.Document d : newer) {
                index.put(d, ReviewState.NEW);
            }
            replace = Math.min(replace, (System.nanoTime() - t0) / 1e3 / REPLACEMENTS);
        }
        System.out.printf("search-index-bench: replacing %d testimonies: put(Document) %.1f µs each%n", REPLACEMENTS,
                replace);
        System.out.printf("search-index-bench: replacing before: clearing the whole vocabulary (%d words) %.1f µs each, "
                + "before adding the words%n", previousVocabulary.size(), clearAll(previousVocabulary));
    }

    /**
     * Builds an index of {@code count} testimonies as an unlock does (one thread, put per latest
     * version), generating each just before it is indexed so no more than one is held: only the
     * index's own time counts. Prints build time, then heap and resident memory with the index alive.
     */
    static SearchIndex streamedBuild(int count, String label) {
        SampleTestimonies samples = new SampleTestimonies(3);
        // The generator's vocabulary is loaded before the baseline, so what the index adds is told apart.
        double baseline = MemoryFigures.heapUsedAfterGcMb();
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        SearchIndex index = new SearchIndex();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long indexing = 0;
        long indexingCpu = 0;
        long wall = System.nanoTime();
        long chars = 0;
        for (int n = 0; n < count; n++) {
            Testimony t = new Testimony(UUID.randomUUID().toString(), 1, Status.SEALED, now, now, now, samples.next(n));
            chars += t.content().narrative().length();
            long cpu = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            index.put(new Archive.Entry(t, "device-" + n % 4, "bundle-" + n / 100), ReviewState.NEW);
            indexing += System.nanoTime() - s;
            indexingCpu += threads.getCurrentThreadCpuTime() - cpu;
            if (count > 20_000 && (n + 1) % 20_000 == 0) {
                System.out.printf("%s: %d indexed, %.1f s indexing (%.1f CPU-s), heap used %.0f MB%n", label, n + 1,
                        indexing / 1e9, indexingCpu / 1e9, MemoryFigures.heapUsedAfterGcMb());
            }
        }
        // The first prefix search sorts the vocabulary, as SearchIndex.build does at its end.
        long cpu = threads.getCurrentThreadCpuTime();
        long s = System.nanoTime();
        index.search(SearchQuery.all().withText("zzz"));
        double sort = (System.nanoTime() - s) / 1e9;
        double sortCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("%s: index build of %d testimonies (narrative %.0f chars on average), one thread: %.1f s "
                + "indexing + %.1f s sorting the vocabulary (CPU time of that thread: %.1f + %.1f s; %.1f s wall with "
                + "generating the text)%n", label, count, (double) chars / count, indexing / 1e9, sort, indexingCpu / 1e9,
                sortCpu, (System.nanoTime() - wall) / 1e9);
        double heap = MemoryFigures.heapUsedAfterGcMb();
        System.out.printf("%s: heap used with the index of %d: %.0f MB (the index about %.0f MB, the rest mostly the text "
                + "generator's vocabulary); resident %s; max heap %.0f MB%n", label, count, heap, heap - baseline,
                MemoryFigures.rss(), MemoryFigures.maxHeapMb());
        return index;
    }

    /** The previous put's replacement step, on the vocabulary the previous way built: best of a few rounds. */
    private static double clearAll(Map<String, BitSet> words) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < REPLACEMENTS; i++) {
                final int p = i * (TESTIMONIES / REPLACEMENTS);
                words.values().forEach(b -> b.clear(p));
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e3 / REPLACEMENTS);
        }
        return best;
    }

    private static int distinctWords;

    /** Keeps the tokeniser's result alive so the JIT cannot drop the loop. */
    private static void words(int n) {
        distinctWords = n;
    }

    private static double micros(long start) {
        return (System.nanoTime() - start) / 1e3 / TESTIMONIES;
    }

    /**
     * Random full-text queries (a word and the first 3 letters of another, as while typing) and
     * filter queries; prints median and 99th-percentile latency (also for CoordinatorBenchmark).
     */
    public static void search(SearchIndex index, String label) {
        // Common domain words, and forms from every part of the Zipf vocabulary (ranks 100 to 300,000).
        List<String> wordList = new ArrayList<>(List.of("gözaltı", "cezaevi", "avukat", "işkence", "sorgu", "hakim",
                "pasaport", "mahkeme", "kelepçe", "ziyaret"));
        TurkishText vocabulary = TurkishText.get();
        for (int rank = 100; rank < 300_000; rank = rank * 3 / 2) {
            wordList.add(vocabulary.form(rank));
        }
        String[] words = wordList.toArray(new String[0]);
        Vocabulary v = Vocabulary.load();
        Random random = new Random(5);
        double[] text = new double[400];
        double[] filter = new double[400];
        int hits = 0;
        for (int i = 0; i < text.length; i++) {
            SearchQuery q = SearchQuery.all().withText(words[random.nextInt(words.length)] + " "
                    + prefix(words[random.nextInt(words.length)]));
            long s = System.nanoTime();
            hits += index.search(q).size();
            text[i] = (System.nanoTime() - s) / 1e6;
            SearchQuery f = SearchQuery.all()
                    .withViolationType(v.violationTypes().get(random.nextInt(v.violationTypes().size())).code())
                    .withProvince(v.provinces().get(random.nextInt(81)).code())
                    .withDates(LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31))
                    .withReviewState(ReviewState.NEW);
            s = System.nanoTime();
            hits += index.search(f).size();
            filter[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(text);
        Arrays.sort(filter);
        System.out.printf(label + ": full-text search median %.2f ms, p99 %.2f ms%n", text[200], text[396]);
        System.out.printf(label + ": filter (type+province+dates+state) median %.2f ms, p99 %.2f ms "
                + "(%d hits in all)%n", filter[200], filter[396], hits);
    }

    private static String prefix(String word) {
        return word.substring(0, Math.min(3, word.length()));
    }
}
