package org.tanik.coordinator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Perpetrator;
import org.tanik.model.ReviewState;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.vault.Archive;
import org.tanik.vault.CoordinatorStores;

/**
 * An in-memory index of the archive, built after unlock and never written anywhere: full text over
 * title and narrative (folded words to a bitmap of items), plus the facets filters need. Searching
 * intersects bitmaps, then checks the cheap facet conditions item by item.
 */
public final class SearchIndex {

    private final List<ArchiveItem> items = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, BitSet> words = new HashMap<>();
    private String[] sortedWords = new String[0];

    /** Builds the index from every latest archived version. */
    public static SearchIndex build(CoordinatorStores stores) {
        SearchIndex index = new SearchIndex();
        Map<String, ReviewState> states = stores.reviews().states();
        stores.archive().forEachLatest(e -> index.put(e, states.getOrDefault(e.testimony().id(), ReviewState.NEW)));
        index.sortWords();
        return index;
    }

    /** Adds or replaces one testimony (after an import brought a newer version). */
    public synchronized void put(Archive.Entry entry, ReviewState state) {
        Testimony t = entry.testimony();
        TestimonyContent c = t.content();
        Set<String> types = new LinkedHashSet<>();
        Set<String> provinces = new LinkedHashSet<>();
        Set<String> institutions = new LinkedHashSet<>();
        List<LocalDate> dates = new ArrayList<>();
        List<ArchiveItem.ActFact> facts = new ArrayList<>();
        for (Incident incident : c.incidents()) {
            for (Act act : incident.acts()) {
                facts.add(new ArchiveItem.ActFact(act.type(), act.place().province(),
                        act.start().precision() == org.tanik.model.DatePrecision.EXACT
                                || act.start().precision() == org.tanik.model.DatePrecision.MONTH
                                ? java.time.YearMonth.of(act.start().year(), act.start().month()) : null));
                if (!act.type().isEmpty()) {
                    types.add(act.type());
                }
                if (!act.place().province().isEmpty()) {
                    provinces.add(act.place().province());
                }
                for (Perpetrator p : act.perpetrators()) {
                    if (!p.institution().isEmpty()) {
                        institutions.add(p.institution());
                    }
                }
                act.start().earliest().ifPresent(dates::add);
            }
        }
        ArchiveItem item = new ArchiveItem(t.id(), t.version(), c.title(), c.interview().date(), entry.device(), state,
                Set.copyOf(types), Set.copyOf(provinces), Set.copyOf(institutions), List.copyOf(dates), List.copyOf(facts),
                t.updatedAt());
        Integer pos = positions.get(t.id());
        if (pos == null) {
            pos = items.size();
            items.add(item);
            positions.put(t.id(), pos);
        } else {
            items.set(pos, item);
            // Words of the old version stay set; search re-checks nothing textual, so clear them.
            final int p = pos;
            words.values().forEach(b -> b.clear(p));
        }
        for (String w : TextFold.tokens(c.title() + " " + c.narrative())) {
            words.computeIfAbsent(w, k -> new BitSet()).set(pos);
        }
        sortedWords = null;
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
                candidates.and(last ? prefix(terms.get(i)) : words.getOrDefault(terms.get(i), new BitSet()));
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
            out.or(words.get(sortedWords[i]));
        }
        return out;
    }

    private void sortWords() {
        if (sortedWords == null || sortedWords.length != words.size()) {
            sortedWords = words.keySet().toArray(new String[0]);
            Arrays.sort(sortedWords);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
