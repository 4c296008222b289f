package org.tanik.coordinator;

import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.ReviewState;
import org.tanik.vault.CoordinatorStores;
import org.tanik.vault.Reviews;

/** Changes a testimony's review state with a note; audited, and reflected in the search index. */
public final class ReviewDesk {

    private final CoordinatorStores stores;
    private final SearchIndex index;

    public ReviewDesk(CoordinatorStores stores, SearchIndex index) {
        this.stores = stores;
        this.index = index;
    }

    public Reviews.Event change(String testimonyId, ReviewState state, String duplicateOf, String note) {
        stores.archive().versions(testimonyId); // throws when unknown
        if (state == ReviewState.DUPLICATE) {
            if (duplicateOf == null || duplicateOf.equals(testimonyId)) {
                throw new TanikException(Problem.INVALID_INPUT, "name the testimony this one duplicates");
            }
            stores.archive().versions(duplicateOf);
        }
        String dup = state == ReviewState.DUPLICATE ? duplicateOf : null;
        Reviews.Event[] event = new Reviews.Event[1];
        stores.inTransaction(() -> {
            event[0] = stores.reviews().change(testimonyId, state, dup, note);
            stores.audit().append("review", testimonyId, state.name() + (dup == null ? "" : " of " + dup)
                    + (note == null || note.isBlank() ? "" : ": " + note));
        });
        if (index != null) {
            index.setReviewState(testimonyId, state);
        }
        return event[0];
    }
}
