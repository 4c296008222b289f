package org.tanik.coordinator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.tanik.model.ReviewState;

/**
 * What the coordinator's list shows and filters on for the latest version of one archived
 * testimony. Held in memory only, after unlock.
 */
public record ArchiveItem(String id, int version, String title, LocalDate interviewDate, String device,
                          ReviewState reviewState, Set<String> violationTypes, Set<String> provinces,
                          Set<String> institutions, List<LocalDate> actDates, List<ActFact> acts, Instant updatedAt) {

    /** The facts of one act that statistics count; {@code month} is null when the month is unknown. */
    public record ActFact(String type, String province, java.time.YearMonth month) {
    }

    public ArchiveItem withReviewState(ReviewState s) {
        return new ArchiveItem(id, version, title, interviewDate, device, s, violationTypes, provinces, institutions,
                actDates, acts, updatedAt);
    }
}
