package org.tanik.coordinator.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Perpetrator;
import org.tanik.model.ReviewState;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.store.coordinator.Archive;
import org.tanik.store.coordinator.CoordinatorStores;

/**
 * An in-memory index of the archive, built after unlock and never written anywhere: full text over
 * title and narrative (folded words to a bitmap of items), plus the facets filters need. Searching
 * intersects bitmaps, then checks the cheap facet conditions item by item.
 */
public final class SearchIndex {

    private final List<ArchiveItem> items = new ArrayList<>();
    /**
     * The distinct words each position was indexed under, so a replacement clears only those. They
     * are the vocabulary's own String instances, so this costs a reference per word, not a copy.
     */
    private final List<String[]> itemWords = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, Postings> words = new HashMap<>();
    private String[] sortedWords = new String[0];

    /** Builds the index from every latest archived version. */
    public static SearchIndex build(CoordinatorStores stores) {
        SearchIndex index = new SearchIndex();
        Map<String, ReviewState> states = stores.reviews().states();
        stores.archive().forEachLatest(e -> index.put(e, states.getOrDefault(e.testimony().id(), ReviewState.NEW)));
        index.sortWords();
        return index;
    }

    /**
     * What {@link #prepare} computed for one testimony version: its facets and its distinct folded
     * words. Immutable (final fields, an array nobody else holds), so a worker thread can prepare it
     * and the storing thread insert it.
     */
    public static final class Document {
        /** The facets, with no review state yet: that is read on the storing thread. */
        private final ArchiveItem item;
        private final String[] words;

        private Document(ArchiveItem item, String[] words) {
            this.item = item;
            this.words = words;
        }

        public String id() {
            return item.id();
        }

        public int version() {
            return item.version();
        }
    }

    /**
     * The costly, pure part of indexing one testimony: facets and folded words. Touches no index,
     * so workers can call it in parallel and leave {@link #put(Document, ReviewState)} only map work.
     */
    public static Document prepare(Archive.Entry entry) {
        Testimony t = entry.testimony();
        TestimonyContent c = t.content();
        Set<String> types = new LinkedHashSet<>();
        Set<String> provinces = new LinkedHashSet<>();
        Set<String> institutions = new LinkedHashSet<>();
        List<LocalDate> dates = new ArrayList<>();
        List<ArchiveItem.ActFact> facts = new ArrayList<>();
        for (Incident incident : c.incidents()) {
            for (Act act : incident.acts()) {
                Set<String> actInstitutions = new LinkedHashSet<>();
                for (Perpetrator p : act.perpetrators()) {
                    if (!p.institution().isEmpty()) {
                        actInstitutions.add(p.institution());
                    }
                }
                facts.add(new ArchiveItem.ActFact(act.type(), act.place().province(),
                        act.start().precision() == org.tanik.model.DatePrecision.EXACT
                                || act.start().precision() == org.tanik.model.DatePrecision.MONTH
                                ? java.time.YearMonth.of(act.start().year(), act.start().month()) : null,
                        act.start().earliest().orElse(null), actInstitutions));
                if (!act.type().isEmpty()) {
                    types.add(act.type());
                }
                if (!act.place().province().isEmpty()) {
                    provinces.add(act.place().province());
                }
                institutions.addAll(actInstitutions);
                act.start().earliest().ifPresent(dates::add);
            }
        }
        ArchiveItem item = new ArchiveItem(t.id(), t.version(), c.title(), c.interview().date(), entry.device(), null,
                Set.copyOf(types), Set.copyOf(provinces), Set.copyOf(institutions), List.copyOf(dates), List.copyOf(facts),
                t.updatedAt(), c.consent() == null ? null : Set.copyOf(c.consent().scopes()));
        return new Document(item, TextFold.distinctTokens(c.title(), c.narrative()));
    }

    /** Adds or replaces one testimony (after an import brought a newer version). */
    public void put(Archive.Entry entry, ReviewState state) {
        put(prepare(entry), state);
    }

    /**
     * Adds or replaces one prepared testimony: one map and bitmap update per distinct word of the
     * new version, and one per distinct word of the version it replaces.
     */
    public synchronized void put(Document doc, ReviewState state) {
        ArchiveItem item = doc.item.withReviewState(state);
        Integer pos = positions.get(item.id());
        String[] old = null;
        if (pos == null) {
            pos = items.size();
            items.add(item);
            positions.put(item.id(), pos);
        } else {
            items.set(pos, item);
            old = itemWords.get(pos);
            // Search re-checks nothing textual, so the old version's words must lose this item.
            for (String w : old) {
                words.get(w).items.clear(pos);
            }
        }
        boolean vocabularyChanged = false;
        String[] canonical = new String[doc.words.length];
        for (int i = 0; i < canonical.length; i++) {
            Postings p = words.get(doc.words[i]);
            if (p == null) {
                p = new Postings(doc.words[i]);
                words.put(p.word, p);
                vocabularyChanged = true;
            }
            p.items.set(pos);
            canonical[i] = p.word;
        }
        if (old == null) {
            itemWords.add(canonical);
        } else {
            itemWords.set(pos, canonical);
            // Dropped only now, so a word both versions share keeps its bitmap instead of churning.
            for (String w : old) {
                if (words.get(w).items.isEmpty()) {
                    words.remove(w);
                    vocabularyChanged = true;
                }
            }
        }
        if (vocabularyChanged) {
            sortedWords = null;
        }
    }

    /** The version of a testimony in the index, or 0 when it is not there. */
    public synchronized int indexedVersion(String id) {
        Integer pos = positions.get(id);
        return pos == null ? 0 : items.get(pos).version();
    }

    public synchronized void setReviewState(String id, ReviewState state) {
        Integer pos = positions.get(id);
        if (pos != null) {
            items.set(pos, items.get(pos).withReviewState(state));
        }
    }

    public synchronized int size() {
        return items.size();
    }

    public synchronized List<ArchiveItem> all() {
        return List.copyOf(items);
    }

    /**
     * Items matching the query. Text words must all occur; the last word also matches as a prefix,
     * so results appear while the coordinator is still typing.
     */
    public synchronized List<ArchiveItem> search(SearchQuery q) {
        BitSet candidates = new BitSet(items.size());
        candidates.set(0, items.size());
        if (q.text() != null && !q.text().isBlank()) {
            List<String> terms = TextFold.tokens(q.text());
            if (terms.isEmpty()) {
                return List.of();
            }
            for (int i = 0; i < terms.size(); i++) {
                boolean last = i == terms.size() - 1;
                Postings exact = last ? null : words.get(terms.get(i));
                candidates.and(last ? prefix(terms.get(i)) : exact == null ? new BitSet() : exact.items);
            }
        }
        List<ArchiveItem> out = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            ArchiveItem item = items.get(i);
            if (matches(item, q)) {
                out.add(item);
            }
        }
        return out;
    }

    private static boolean matches(ArchiveItem item, SearchQuery q) {
        return (blank(q.violationType()) || item.violationTypes().contains(q.violationType()))
                && (blank(q.province()) || item.provinces().contains(q.province()))
                && (blank(q.institution()) || item.institutions().contains(q.institution()))
                && (blank(q.device()) || item.device().equals(q.device()))
                && (q.reviewState() == null || item.reviewState() == q.reviewState())
                && inRange(item, q.from(), q.to());
    }

    private static boolean inRange(ArchiveItem item, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return true;
        }
        for (LocalDate d : item.actDates()) {
            if ((from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to))) {
                return true;
            }
        }
        return false;
    }

    private BitSet prefix(String p) {
        sortWords();
        BitSet out = new BitSet();
        int i = Arrays.binarySearch(sortedWords, p);
        for (i = i < 0 ? -i - 1 : i; i < sortedWords.length && sortedWords[i].startsWith(p); i++) {
            out.or(words.get(sortedWords[i]).items);
        }
        return out;
    }

    private void sortWords() {
        if (sortedWords == null || sortedWords.length != words.size()) {
            sortedWords = words.keySet().toArray(new String[0]);
            Arrays.sort(sortedWords);
        }
    }

    /** One word of the vocabulary and the positions of the items whose title or narrative has it. */
    private static final class Postings {
        final String word;
        final BitSet items = new BitSet();

        Postings(String word) {
            this.word = word;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
