package org.tanik.coordinator.search;

import java.time.LocalDate;
import org.tanik.model.ReviewState;

/**
 * A search over the archive. Every part is optional (null or blank means "any"); the parts combine
 * with AND. The date range matches testimonies with at least one act whose known date falls in it.
 */
public record SearchQuery(String text, String violationType, String province, LocalDate from, LocalDate to,
                          String institution, ReviewState reviewState, String device) {

    public static SearchQuery all() {
        return new SearchQuery(null, null, null, null, null, null, null, null);
    }

    public SearchQuery withText(String t) {
        return new SearchQuery(t, violationType, province, from, to, institution, reviewState, device);
    }

    public SearchQuery withViolationType(String v) {
        return new SearchQuery(text, v, province, from, to, institution, reviewState, device);
    }

    public SearchQuery withProvince(String p) {
        return new SearchQuery(text, violationType, p, from, to, institution, reviewState, device);
    }

    public SearchQuery withDates(LocalDate f, LocalDate t) {
        return new SearchQuery(text, violationType, province, f, t, institution, reviewState, device);
    }

    public SearchQuery withInstitution(String i) {
        return new SearchQuery(text, violationType, province, from, to, i, reviewState, device);
    }

    public SearchQuery withReviewState(ReviewState r) {
        return new SearchQuery(text, violationType, province, from, to, institution, r, device);
    }

    public SearchQuery withDevice(String d) {
        return new SearchQuery(text, violationType, province, from, to, institution, reviewState, d);
    }
}
