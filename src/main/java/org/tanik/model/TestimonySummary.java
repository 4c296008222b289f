package org.tanik.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the list of testimonies shows for the latest version of each testimony. */
public record TestimonySummary(String id, int version, Status status, String title, LocalDate interviewDate,
                               List<String> violationTypes, Instant updatedAt) {
    public TestimonySummary {
        violationTypes = violationTypes == null ? List.of() : List.copyOf(violationTypes);
    }
}
