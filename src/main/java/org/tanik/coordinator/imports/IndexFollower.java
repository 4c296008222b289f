package org.tanik.coordinator.imports;

import java.util.List;
import java.util.Map;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.model.ReviewState;
import org.tanik.model.Testimony;
import org.tanik.store.coordinator.Archive;
import org.tanik.store.coordinator.CoordinatorStores;

/**
 * Keeps the search index in step with the archive after each commit. It follows only committed
 * work, after the verdicts are reported: if it fails, what was stored is still said.
 */
final class IndexFollower {

    private final CoordinatorStores stores;
    private final SearchIndex index;

    /** {@code index} may be null (the command line keeps none): then this does nothing. */
    IndexFollower(CoordinatorStores stores, SearchIndex index) {
        this.stores = stores;
        this.index = index;
    }

    /**
     * Puts newly archived versions in the index when they are the newest of their testimony, with the
     * documents prepared on the workers ({@link Checked.Verified#documents()}) where there is one.
     */
    void added(List<Testimony> added, Map<String, SearchIndex.Document> prepared, String device, String bundleId) {
        if (index == null) {
            return;
        }
        List<Testimony> newer = added.stream().filter(t -> index.indexedVersion(t.id()) < t.version()).toList();
        Map<String, ReviewState> states = stores.reviews().states(newer.stream().map(Testimony::id).toList());
        for (Testimony t : newer) {
            SearchIndex.Document doc = prepared.get(BundleCheck.documentKey(t));
            index.put(doc != null ? doc : SearchIndex.prepare(new Archive.Entry(t, device, bundleId)),
                    states.getOrDefault(t.id(), ReviewState.NEW));
        }
    }
}
