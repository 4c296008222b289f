package org.tanik.coordinator;

import java.time.Instant;
import java.util.List;
import org.tanik.model.Provenance;
import org.tanik.model.ReviewState;
import org.tanik.model.Testimony;

/**
 * Everything the coordinator reads about one archived testimony: each version with where it came
 * from, and the review history, oldest first.
 */
public record ArchivedTestimony(List<Version> versions, List<Review> history) {

    public ArchivedTestimony {
        versions = List.copyOf(versions);
        history = List.copyOf(history);
    }

    /**
     * One version; {@code provenance} is null when the archive has none for it, {@code flagged} when
     * its bundle was imported with a flag (verified, but with something to look at).
     */
    public record Version(Testimony testimony, Provenance provenance, boolean flagged) {
        public int number() {
            return testimony.version();
        }
    }

    /** One review decision: the state, the testimony it duplicates (or null), the note and when. */
    public record Review(ReviewState state, String duplicateOf, String note, Instant at) {
    }
}
