package org.tanik.coordinator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.tanik.model.ConsentScope;
import org.tanik.model.ReviewState;

/**
 * What the coordinator's list shows and filters on for the latest version of one archived
 * testimony. Held in memory only, after unlock.
 *
 * <p>{@code consent} is what the latest version's consent record covers, or null when that
 * version has no consent record at all (it was made before consent existed): exports decide on it
 * without loading the testimony (see {@code reports.ExportConsent}).
 */
public record ArchiveItem(String id, int version, String title, LocalDate interviewDate, String device,
                          ReviewState reviewState, Set<String> violationTypes, Set<String> provinces,
                          Set<String> institutions, List<LocalDate> actDates, List<ActFact> acts, Instant updatedAt,
                          Set<ConsentScope> consent) {

    public ArchiveItem {
        consent = consent == null ? null : Set.copyOf(consent);
    }

    /**
     * The facts of one act that statistics count. {@code month} is null when the month is unknown;
     * {@code start} is the earliest day the act's start can mean, null when it is unknown;
     * {@code institutions} are its alleged perpetrators' institution codes, distinct, blanks left out.
     */
    public record ActFact(String type, String province, YearMonth month, LocalDate start, Set<String> institutions) {
        public ActFact {
            institutions = Set.copyOf(institutions);
        }
    }

    /** An item without a consent record. */
    public ArchiveItem(String id, int version, String title, LocalDate interviewDate, String device,
                       ReviewState reviewState, Set<String> violationTypes, Set<String> provinces,
                       Set<String> institutions, List<LocalDate> actDates, List<ActFact> acts, Instant updatedAt) {
        this(id, version, title, interviewDate, device, reviewState, violationTypes, provinces, institutions, actDates,
                acts, updatedAt, null);
    }

    public ArchiveItem withReviewState(ReviewState s) {
        return new ArchiveItem(id, version, title, interviewDate, device, s, violationTypes, provinces, institutions,
                actDates, acts, updatedAt, consent);
    }
}
