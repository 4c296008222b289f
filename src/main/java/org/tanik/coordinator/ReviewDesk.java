package org.tanik.coordinator;

import org.tanik.coordinator.search.SearchIndex;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.Content;
import org.tanik.model.ReviewState;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.store.coordinator.CoordinatorStores;
import org.tanik.store.coordinator.Reviews;

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
                throw new TanikException(Problem.DUPLICATE_OF_MISSING);
            }
            stores.archive().versions(duplicateOf);
        }
        String dup = state == ReviewState.DUPLICATE ? duplicateOf : null;
        Reviews.Event[] event = new Reviews.Event[1];
        stores.inTransaction(() -> {
            event[0] = stores.reviews().change(testimonyId, state, dup, note);
            stores.audit().append("review", testimonyId, auditDetail(state, dup, note));
        });
        if (index != null) {
            index.setReviewState(testimonyId, state);
        }
        return event[0];
    }

    /**
     * An archived attachment by its content hash (as a testimony version's {@code attachments} name
     * it), read from the sealed payload that carried it, decrypting only the chunks read; viewers and
     * players read it through {@link Content}. Throws ARCHIVED_ATTACHMENT_NOT_FOUND when the archive
     * does not hold it.
     */
    public Content attachment(String sha256) {
        return stores.archive().attachment(sha256)
                .orElseThrow(() -> new TanikException(Problem.ARCHIVED_ATTACHMENT_NOT_FOUND, sha256));
    }

    /** The audit detail of a review change: the state, the testimony duplicated if any, the note if any. */
    static AuditDetail auditDetail(ReviewState state, String duplicateOf, String note) {
        AuditDetail stateName = AuditDetail.of("review.state." + state.name());
        boolean noted = note != null && !note.isBlank();
        if (duplicateOf == null) {
            return noted ? AuditDetail.of("audit.detail.reviewNote", stateName, note)
                    : AuditDetail.of("audit.detail.review", stateName);
        }
        return noted ? AuditDetail.of("audit.detail.duplicateNote", stateName, duplicateOf, note)
                : AuditDetail.of("audit.detail.duplicate", stateName, duplicateOf);
    }
}
